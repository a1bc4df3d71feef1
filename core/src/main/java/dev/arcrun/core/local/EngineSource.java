package dev.arcrun.core.local;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The engine built into the app: the classpath tarball {@value #RESOURCE} (packed from engine/ by the build),
 * unpacked once per content into {@code <dir>/engine-<sha256 prefix>} so a new app version brings a new engine
 * and a restart reuses the unpacked one.
 */
public final class EngineSource {

    public static final String RESOURCE = "/engine/arcrun-engine.tar.gz";
    private static final String MARKER = ".arcrun-unpacked";

    private EngineSource() {
    }

    /** The built-in tarball's bytes. */
    public static byte[] tarball() {
        try (InputStream in = EngineSource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new UserFacingException(Failure.of(Failure.Code.BUILTIN_MISSING), Advice.of(Advice.Code.BUILD_WITH_ENGINE));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in engine: " + e.getMessage(), e);
        }
    }

    /** Unpacks the built-in engine under {@code dir} (when not done already) and returns its root folder. */
    public static Path unpack(Path dir) {
        byte[] bytes = tarball();
        Path target = dir.resolve("engine-" + sha256(bytes).substring(0, 16));
        if (Files.isRegularFile(target.resolve(MARKER))) {
            return target;
        }
        Path staging = dir.resolve(".unpack-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            extract(bytes, staging);
            Files.writeString(staging.resolve(MARKER), "complete\n");
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // another process unpacked the same engine meanwhile (or a half copy is there): keep a complete one
                if (!Files.isRegularFile(target.resolve(MARKER))) {
                    deleteTree(target);
                    Files.move(staging, target);
                }
            } catch (IOException e) {
                if (!Files.isRegularFile(target.resolve(MARKER))) throw e;
            }
            return target;
        } catch (IOException e) {
            throw new UserFacingException(Failure.of(Failure.Code.BUILTIN_UNPACK_FAILED, dir, String.valueOf(e.getMessage())),
                    Advice.of(Advice.Code.FOLDER_WRITABLE), e);
        } finally {
            deleteTree(staging);
        }
    }

    /** Extracts, dropping the one top-level folder; refuses entries that would land outside {@code into}. */
    static void extract(byte[] tarGz, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(tarGz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) continue; // the top-level folder itself
                Path out = root.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(root)) throw new IOException("entry outside the engine folder: " + name);
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isFile()) {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) makeExecutable(out);
                } else {
                    throw new IOException("unexpected entry type in the engine: " + name);
                }
            }
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            perms.add(PosixFilePermission.OWNER_EXECUTE);
            Files.setPosixFilePermissions(file, perms);
        } catch (UnsupportedOperationException e) {
            // Windows has no executable bit; scripts run through node there anyway
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover staging folder is harmless and named so it is never taken for an engine
        }
    }
}
