package dev.arcrun.core.config;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see either the old content or the new one, never half of it: the content goes to a
 * temp file in the same folder, is fsynced, then renamed over the target with ATOMIC_MOVE, and the folder is fsynced.
 * On any failure the temp file is removed and the old file is left as it was.
 */
public final class AtomicFiles {

    /** Writes the content to the stream it is given; may throw, in which case nothing is replaced. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {}

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /**
     * Every file written here is owner-only (0600 on POSIX): the permissions are set as the temp file is created,
     * before any byte of content is written, so there is no moment when others could read it.
     */
    public static void write(Path target, ContentWriter writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attributes());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                // The writer may close what it is given (Jackson does); the channel must stay open for force().
                OutputStream out = new FilterOutputStream(Channels.newOutputStream(ch)) {
                    @Override public void write(byte[] b, int off, int len) throws IOException {
                        this.out.write(b, off, len);
                    }

                    @Override public void close() throws IOException {
                        flush();
                    }
                };
                writer.writeTo(out);
                out.flush();
                ch.force(true);
            }
            move(tmp, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        fsyncDir(dir);
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this only happens on odd file systems; a plain replace is the best left.
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static FileAttribute<?>[] attributes() {
        if (isPosix()) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
        }
        // Windows: the file inherits the ACLs of the user's profile folder, which only that user can read.
        return new FileAttribute<?>[0];
    }

    static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Makes the rename durable. Not possible on Windows (a folder cannot be opened), where NTFS journals it anyway. */
    private static void fsyncDir(Path dir) {
        if (!isPosix()) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // Best effort: the file itself is already synced and renamed.
        }
    }
}
