package dev.arcrun.core.config;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.arcrun.core.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import dev.arcrun.core.config.CorruptConfigException.Damage.Reason;

/** Reads and writes install configs under {@link AppHome#installs()}: one folder per install. */
public final class InstallConfigStore {
    public static final String FILE = "config.yaml";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final AppHome home;
    private final Path installs;
    private final Clock clock;
    private final ObjectMapper yaml = mapper();

    public InstallConfigStore(AppHome home) {
        this(home, Clock.systemUTC());
    }

    InstallConfigStore(AppHome home, Clock clock) {
        this.home = home;
        this.installs = home.installs();
        this.clock = clock;
    }

    public Path folder(String name) {
        return installs.resolve(InstallName.require(name));
    }

    public Path file(String name) {
        return folder(name).resolve(FILE);
    }

    /** The config, or empty when there is no such install. Throws {@link CorruptConfigException} when damaged. */
    public Optional<InstallConfig> find(String name) {
        Path file = file(name);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(parse(name, file, bytes));
    }

    public InstallConfig load(String name) {
        return find(name).orElseThrow(() -> {
            List<String> here = names();
            return new UserFacingException(Failure.of(Failure.Code.NO_SUCH_INSTALL, name), here.isEmpty()
                    ? Advice.of(Advice.Code.NO_INSTALLS_HERE) : Advice.of(Advice.Code.INSTALLS_HERE, here));
        });
    }

    /**
     * Saves atomically: a crash mid-write leaves the previous config as it was. A damaged config in the way is
     * backed up first, so even a caller that never loaded it cannot make its content disappear.
     */
    public void save(InstallConfig config) {
        Path file = file(config.name());
        home.secureRoot();
        try {
            find(config.name());
        } catch (CorruptConfigException backedUp) {
            // The copy is kept next to it (see backup()); replacing the damaged file is now safe.
        }
        try {
            AtomicFiles.write(file, out -> yaml.writeValue(out, config));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the config " + file + ": " + e.getMessage(), e);
        }
    }

    /** Names of the installs that have a config, sorted. */
    public List<String> names() {
        if (!Files.isDirectory(installs)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(installs)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(FILE)))
                    .map(d -> d.getFileName().toString())
                    .filter(InstallName::isValid)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + installs + ": " + e.getMessage(), e);
        }
    }

    /**
     * "The" install, for commands that do not name one: empty when there is none, the install when there is
     * exactly one, and an error naming them all when there are several.
     */
    public Optional<InstallConfig> sole() {
        List<String> names = names();
        if (names.size() > 1) {
            throw new UserFacingException(Failure.of(Failure.Code.SEVERAL_INSTALLS, names.size(), names),
                    Advice.of(Advice.Code.CHOOSE_INSTALL, names));
        }
        return names.isEmpty() ? Optional.empty() : find(names.getFirst());
    }

    /** Removes the install's folder (config and anything else in it). */
    public void delete(String name) {
        Path folder = folder(name);
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + folder + ": " + e.getMessage(), e);
        }
    }

    private InstallConfig parse(String name, Path file, byte[] bytes) {
        CorruptConfigException.Damage reason;
        Throwable cause;
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
            // Every config this app writes ends with a newline: one that stops mid-line was cut off (a full disk,
            // a copy interrupted), and what is left may parse — without its journal or history. Never take it as is.
            throw new CorruptConfigException(name, file, backup(file, bytes),
                    CorruptConfigException.Damage.of(CorruptConfigException.Damage.Reason.CUT_OFF), null);
        }
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            // Jackson's "no content to map" says the same in its own words.
            throw new CorruptConfigException(name, file, backup(file, bytes),
                    CorruptConfigException.Damage.of(CorruptConfigException.Damage.Reason.EMPTY), null);
        }
        try {
            InstallConfig config = yaml.readValue(bytes, InstallConfig.class);
            if (config != null && config.name().equals(name)) {
                return config;
            }
            reason = config == null ? CorruptConfigException.Damage.of(CorruptConfigException.Damage.Reason.EMPTY)
                    : CorruptConfigException.Damage.of(CorruptConfigException.Damage.Reason.OTHER_INSTALL, config.name(), name);
            cause = null;
        } catch (JacksonException e) {
            reason = describe(e);
            cause = e;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        throw new CorruptConfigException(name, file, backup(file, bytes), reason, cause);
    }

    /** Keeps a copy of a damaged file next to it; the same damage seen twice is backed up once. */
    private Path backup(Path file, byte[] bytes) {
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            Optional<Path> same = siblings.filter(p -> p.getFileName().toString().startsWith(FILE + ".corrupt-"))
                    .filter(p -> sameContent(p, bytes))
                    .findFirst();
            if (same.isPresent()) {
                return same.get();
            }
            Path backup = file.resolveSibling(FILE + ".corrupt-" + STAMP.format(clock.instant()));
            AtomicFiles.write(backup, bytes);
            return backup;
        } catch (IOException e) {
            throw new UncheckedIOException("The config " + file + " is damaged and cannot be backed up: "
                    + e.getMessage(), e);
        }
    }

    private static boolean sameContent(Path p, byte[] bytes) {
        try {
            return Arrays.equals(Files.readAllBytes(p), bytes);
        } catch (IOException e) {
            return false;
        }
    }

    /** Says what is wrong in words about the file (field, line), not about Java types. */
    private static CorruptConfigException.Damage describe(JacksonException e) {
        CorruptConfigException.Damage what;
        if (e instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
            what = CorruptConfigException.Damage.of(Reason.BAD_VALUE, String.valueOf(f.getValue()), fieldPath(f));
        } else if (e instanceof JsonMappingException && e.getCause() instanceof UserFacingException u) {
            // A value the record's constructor refused: the install name is the only one it words itself.
            what = u.failure().code() == Failure.Code.INSTALL_NAME_INVALID
                    ? CorruptConfigException.Damage.of(Reason.NAME_INVALID, u.failure().args().getFirst())
                    : CorruptConfigException.Damage.of(Reason.REFUSED_VALUE, u.failure());
        } else if (e instanceof JsonMappingException && e.getCause() instanceof NullPointerException n && n.getMessage() != null) {
            // Objects.requireNonNull(target, "target") in a record: the message is the field's name.
            what = CorruptConfigException.Damage.of(Reason.MISSING_VALUE, n.getMessage());
        } else if (e instanceof JsonMappingException && e.getCause() instanceof RuntimeException r && r.getMessage() != null) {
            what = CorruptConfigException.Damage.of(Reason.REFUSED_VALUE, r.getMessage());
        } else if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            what = CorruptConfigException.Damage.of(Reason.WRONG_FORM, fieldPath(m));
        } else if (e instanceof JsonMappingException) {
            what = CorruptConfigException.Damage.of(Reason.UNREADABLE, firstLine(e));
        } else if (e.getCause() instanceof java.io.CharConversionException || String.valueOf(e.getOriginalMessage()).contains("Invalid UTF-8")) {
            what = CorruptConfigException.Damage.of(Reason.NOT_TEXT);
        } else {
            what = CorruptConfigException.Damage.of(Reason.NOT_YAML, firstLine(e));
        }
        JsonLocation at = e.getLocation();
        return at != null && at.getLineNr() > 0 ? what.atLine(at.getLineNr()) : what;
    }

    /** The parser's first line, without Java class names: a technical value inside our sentence. */
    private static String firstLine(JacksonException e) {
        return String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("")
                .replaceAll("\\b(?:java|com\\.fasterxml)[\\w.]*\\.(\\w+(?:Exception|Error))\\b:?\\s*", "");
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    static ObjectMapper mapper() {
        return YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                // Version "1.10" or an all-digit id must never come back as a number; the test guards the round trip.
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // A newer arcrun may add fields; an older one still reads the config.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
                .build();
    }
}
