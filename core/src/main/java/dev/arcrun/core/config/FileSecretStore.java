package dev.arcrun.core.config;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.core.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Secrets in {@code <app folder>/secrets/<install>.json}: the folder is 0700 and each file 0600 from the moment it is
 * created (see {@link AtomicFiles}). Used when no keychain is reachable.
 */
public final class FileSecretStore implements SecretStore {
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

    private final Path folder;
    private final SecretLocation.File location;
    private final ObjectMapper json = new ObjectMapper();

    /** @param why why secrets are kept here and not in a keychain */
    public FileSecretStore(AppHome home, KeychainProblem why) {
        this.folder = folderOf(home);
        this.location = new SecretLocation.File(folder, why);
    }

    /** A file store the caller chose (tests, tools); {@code note} says why, for logs. */
    public FileSecretStore(AppHome home, String note) {
        this(home, new KeychainProblem(KeychainProblem.Reason.FILE_CHOSEN, note));
    }

    static Path folderOf(AppHome home) {
        return home.root().resolve("secrets");
    }

    public Path file(String install) {
        return folder.resolve(InstallName.require(install) + ".json");
    }

    @Override
    public synchronized Optional<String> get(String install, SecretKind kind) {
        return Optional.ofNullable(read(install).get(kind.id()));
    }

    @Override
    public synchronized void put(String install, SecretKind kind, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("An empty " + kind.id() + " cannot be stored.");
        }
        TreeMap<String, String> all = read(install);
        all.put(kind.id(), value);
        write(install, all);
    }

    @Override
    public synchronized void delete(String install, SecretKind kind) {
        TreeMap<String, String> all = read(install);
        if (all.remove(kind.id()) == null) {
            return;
        }
        if (all.isEmpty()) {
            try {
                Files.deleteIfExists(file(install));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove " + file(install) + ": " + e.getMessage(), e);
            }
        } else {
            write(install, all);
        }
    }

    @Override
    public SecretLocation location() {
        return location;
    }

    @Override
    public String toString() {
        return "FileSecretStore[" + folder + "]";
    }

    private TreeMap<String, String> read(String install) {
        Path file = file(install);
        try {
            return json.readValue(Files.readAllBytes(file), MAP);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException e) {
            // Not the parser's message: it could quote a piece of a secret.
            throw new UserFacingException(Failure.of(Failure.Code.SECRETS_FILE_UNREADABLE, file),
                    Advice.of(Advice.Code.SECRETS_FILE_REMOVE));
        }
    }

    private void write(String install, Map<String, String> all) {
        try {
            ensureFolder();
            AtomicFiles.write(file(install), json.writeValueAsBytes(all));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file(install) + ": " + e.getMessage(), e);
        }
    }

    private void ensureFolder() throws IOException {
        if (!AtomicFiles.isPosix()) {
            Files.createDirectories(folder);
            return;
        }
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
        // A folder made by hand or restored from a backup may be wider; others must not even list the installs.
        if (!Files.getPosixFilePermissions(folder).equals(ownerOnly)) {
            Files.setPosixFilePermissions(folder, ownerOnly);
        }
    }
}
