package dev.arcrun.core.bundle;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.bundle.BundleRefusedException.Detail;
import dev.arcrun.core.bundle.BundleRefusedException.Reason;
import dev.arcrun.core.bundle.EntryRegistry.Kind;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Extracts a .tar.gz or .tar bundle safely: every entry is checked before it is written (see
 * {@link BundleRefusedException.Reason}), everything goes into a hidden folder beside the destination, and only a
 * complete, verified extraction is moved into place. A shared top-level folder (GitHub's {@code REPO-REF/}) is
 * stripped. Memory stays bounded: entries stream from the archive to disk through fixed buffers.
 */
public final class BundleExtractor {

    /** Decompression-bomb limits. */
    public record Limits(long maxTotalBytes, int maxEntries, long maxFileBytes) {
        public static Limits defaults() {
            return new Limits(1L << 30, 50_000, 256L << 20);
        }
    }

    /** Extraction progress, reported every few hundred entries. */
    public record Progress(int entries, long bytes) {}

    /** What was extracted, and where. */
    public record Extracted(Path dir, int entries, long bytes, String strippedTopFolder) {}

    /** Whether an existing non-empty destination may be replaced (atomically, only after a complete extraction). */
    public enum Existing { REFUSE, REPLACE }

    private static final int BUFFER = 128 * 1024;
    private static final int PROGRESS_EVERY = 250;
    private static final long MAX_TRAILING_BYTES = 16L << 20;
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    private final Limits limits;
    private final boolean readAhead;

    public BundleExtractor(Limits limits) {
        this(limits, true);
    }

    /** {@code readAhead}: inflate gzip on a second thread (faster on multi-core machines). */
    public BundleExtractor(Limits limits, boolean readAhead) {
        this.limits = limits;
        this.readAhead = readAhead;
    }

    public BundleExtractor() {
        this(Limits.defaults());
    }

    public Extracted extract(Path archive, Path dest, Existing existing, Consumer<Progress> progress, Cancellation cancel) {
        return extract(archive, dest, existing, progress, cancel, root -> {});
    }

    /**
     * As above; {@code beforeCommit} sees the complete tree in its temporary place and may refuse it by throwing,
     * in which case nothing is moved into place.
     */
    public Extracted extract(Path archive, Path dest, Existing existing, Consumer<Progress> progress, Cancellation cancel,
                             Consumer<Path> beforeCommit) {
        Path target = dest.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new UserFacingException(Failure.of(Failure.Code.BUNDLE_DEST_NO_PARENT, target),
                    Advice.of(Advice.Code.DEST_INSIDE_FOLDER));
        }
        checkDestination(target, existing);
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path temp = parent.resolve("." + target.getFileName() + ".partial-" + id);
        Path staged = parent.resolve("." + target.getFileName() + ".staged-" + id);
        boolean done = false;
        try {
            Files.createDirectories(parent);
            Files.createDirectory(temp);
            Run run = new Run(temp, progress, cancel);
            try (InputStream in = Files.newInputStream(archive)) {
                run.readArchive(in);
            }
            String top = run.registry.sharedTopFolder();
            Path root = temp;
            if (top != null) {
                // Strip now, beside the destination: links are then checked in exactly the layout they will have.
                Files.move(temp.resolve(top), staged, StandardCopyOption.ATOMIC_MOVE);
                root = staged;
            }
            run.createSymlinks(root, top == null ? "" : top);
            cancel.check();
            beforeCommit.accept(root);
            cancel.check();
            commit(root, target, existing);
            done = true;
            return new Extracted(target, run.entries, run.bytes, top);
        } catch (IOException e) {
            throw new UserFacingException(Failure.of(Failure.Code.BUNDLE_EXTRACT_FAILED, target, e.getMessage()),
                    Advice.of(Advice.Code.FOLDER_WRITABLE), e);
        } finally {
            deleteTree(temp);
            if (!done) {
                deleteTree(staged);
            }
        }
    }

    public Extracted extract(Path archive, Path dest) {
        return extract(archive, dest, Existing.REFUSE, p -> {}, Cancellation.none());
    }

    private static void checkDestination(Path target, Existing existing) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new UserFacingException(Failure.of(Failure.Code.BUNDLE_DEST_NOT_FOLDER, target),
                        Advice.of(Advice.Code.OTHER_DESTINATION));
            }
            if (existing == Existing.REFUSE && !isEmptyDir(target)) {
                throw new UserFacingException(Failure.of(Failure.Code.BUNDLE_DEST_NOT_EMPTY, target),
                        Advice.of(Advice.Code.REPLACE_DEST));
            }
        }
    }

    private static boolean isEmptyDir(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the finished tree into place; an existing folder is swapped out only now, and removed afterwards. */
    private static void commit(Path root, Path target, Existing existing) throws IOException {
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (isEmptyDir(target)) {
                Files.delete(target);
            } else if (existing == Existing.REPLACE) {
                old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID().toString().substring(0, 8));
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            } else {
                throw new DirectoryNotEmptyException(target.toString());
            }
        }
        try {
            Files.move(root, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    /** One extraction's state. */
    private final class Run {
        final Path temp;
        final Consumer<Progress> progress;
        final Cancellation cancel;
        final EntryRegistry registry = new EntryRegistry();
        final Set<String> madeDirs = new HashSet<>();
        final List<String[]> symlinks = new ArrayList<>(); // {raw name, rel, target}
        final byte[] buf = new byte[BUFFER];
        final boolean posix;
        int entries;
        long bytes;

        Run(Path temp, Consumer<Progress> progress, Cancellation cancel) {
            this.temp = temp;
            this.progress = progress;
            this.cancel = cancel;
            this.posix = temp.getFileSystem().supportedFileAttributeViews().contains("posix");
        }

        private static void closeQuietly(InputStream in) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is how cancel interrupts the read; a failure to close changes nothing
            }
        }

        void readArchive(InputStream raw) throws IOException {
            BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
            in.mark(600);
            byte[] head = in.readNBytes(512);
            in.reset();
            InputStream tarStream;
            boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            if (gzip) {
                InputStream inflating = new GZIPInputStream(in, 64 * 1024);
                tarStream = readAhead ? new ReadAheadInputStream(inflating, 256 * 1024, 6) : inflating;
            } else if (head.length >= 512 && TarArchiveInputStream.matches(head, head.length)) {
                tarStream = in;
            } else if (Downloader.looksLikeHtml(head, head.length)) {
                throw new BundleRefusedException(Reason.NOT_AN_ARCHIVE, null, Detail.WEB_PAGE);
            } else if (head.length == 0) {
                throw new BundleRefusedException(Reason.EMPTY, null, Detail.EMPTY_FILE);
            } else {
                throw new BundleRefusedException(Reason.NOT_AN_ARCHIVE, null, Detail.NOT_TAR);
            }
            String current = null;
            // Cancel closes the read-ahead stream, which frees a reader waiting for the next block at once.
            InputStream closeOnCancel = tarStream;
            try (Cancellation.Registration onCancel = cancel.onCancel(() -> closeQuietly(closeOnCancel));
                 tarStream; TarArchiveInputStream tar = new TarArchiveInputStream(tarStream)) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    current = e.getName();
                    cancel.check();
                    entry(tar, e);
                    current = null;
                }
                drainTrailer(tarStream);
            } catch (BundleRefusedException | CancellationException ex) {
                throw ex;
            } catch (IOException | IllegalArgumentException ex) {
                cancel.check(); // a read that failed because Cancel closed the stream is a cancel, not a corrupt archive
                throw refusal(ex, current);
            }
            if (entries == 0) {
                throw new BundleRefusedException(Reason.EMPTY, null, Detail.NO_FILES);
            }
        }

        /** A disk failure is the computer's, not the archive's: it is rethrown as it is. */
        private static BundleRefusedException refusal(Exception failure, String current) throws FileSystemException {
            if (failure instanceof FileSystemException fs) {
                throw fs;
            }
            boolean whole = current == null;
            return switch (failure) {
                case EOFException eof -> new BundleRefusedException(eof, Reason.CORRUPT, current,
                        whole ? Detail.ENDS_EARLY : Detail.ENTRY_CUT_SHORT);
                case ZipException zip -> new BundleRefusedException(zip, Reason.CORRUPT, current,
                        whole ? Detail.NOT_GZIP : Detail.ENTRY_NOT_GZIP, zip.getMessage());
                default -> new BundleRefusedException(failure, Reason.CORRUPT, current,
                        whole ? Detail.NOT_TAR_DATA : Detail.ENTRY_NOT_TAR, failure.getMessage());
            };
        }

        /** Reads what follows the tar end marker, so gzip checks its length and CRC trailer. */
        private void drainTrailer(InputStream s) throws IOException {
            long n = 0;
            for (int r; (r = s.read(buf)) != -1; ) {
                n += r;
                if (n > MAX_TRAILING_BYTES) {
                    throw new BundleRefusedException(Reason.CORRUPT, null, Detail.TRAILING_DATA, MAX_TRAILING_BYTES >> 20);
                }
            }
        }

        private void entry(TarArchiveInputStream tar, TarArchiveEntry e) throws IOException {
            String raw = e.getName();
            if (++entries > limits.maxEntries()) {
                throw new BundleRefusedException(Reason.TOO_MANY_ENTRIES, raw, Detail.TOO_MANY_ENTRIES, limits.maxEntries());
            }
            byte flag = e.getLinkFlag();
            if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
                throw new BundleRefusedException(Reason.SPECIAL_FILE, raw, Detail.DEVICE);
            }
            String rel = EntryNames.normalise(raw);
            if (e.isDirectory()) {
                if (!rel.isEmpty()) {
                    registry.add(raw, rel, Kind.DIR);
                    mkdirs(rel);
                }
            } else if (e.isSymbolicLink()) {
                needName(raw, rel);
                checkLinkText(raw, e.getLinkName());
                registry.add(raw, rel, Kind.LINK);
                symlinks.add(new String[] {raw, rel, e.getLinkName()});
            } else if (e.isLink()) {
                needName(raw, rel);
                hardLink(raw, rel, e.getLinkName());
            } else if (flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM || flag == TarConstants.LF_CONTIG) {
                needName(raw, rel);
                regularFile(tar, e, raw, rel);
            } else {
                throw new BundleRefusedException(Reason.SPECIAL_FILE, raw, Detail.UNSUPPORTED_TYPE,
                        String.valueOf((char) flag));
            }
            if (entries % PROGRESS_EVERY == 0) {
                progress.accept(new Progress(entries, bytes));
            }
        }

        private static void needName(String raw, String rel) {
            if (rel.isEmpty()) {
                throw new BundleRefusedException(Reason.NOT_PORTABLE, raw, Detail.NO_FILE_NAME);
            }
        }

        private void account(String raw, long size) {
            if (size > limits.maxFileBytes()) {
                throw new BundleRefusedException(Reason.FILE_TOO_LARGE, raw, Detail.FILE_TOO_LARGE, size,
                        limits.maxFileBytes());
            }
            bytes += size;
            if (bytes > limits.maxTotalBytes()) {
                throw new BundleRefusedException(Reason.TOTAL_TOO_LARGE, raw, Detail.TOTAL_TOO_LARGE,
                        limits.maxTotalBytes());
            }
        }

        private void regularFile(TarArchiveInputStream tar, TarArchiveEntry e, String raw, String rel) throws IOException {
            long size = e.getSize();
            account(raw, size);
            registry.add(raw, rel, Kind.FILE);
            mkdirsFor(rel);
            Path file = temp.resolve(rel);
            long written = 0;
            // CREATE_NEW: never follows or overwrites anything already there.
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                for (int n; (n = tar.read(buf)) != -1; ) {
                    out.write(buf, 0, n);
                    written += n;
                }
            }
            if (written != size) {
                throw new EOFException(); // the entry is shorter than its header says: ENTRY_CUT_SHORT
            }
            if (posix && (e.getMode() & 0100) != 0) {
                Files.setPosixFilePermissions(file, EXECUTABLE);
            }
        }

        /** Hard links become copies: portable, and a copy can never alias a file outside. */
        private void hardLink(String raw, String rel, String linkName) throws IOException {
            String targetRel;
            try {
                targetRel = EntryNames.normalise(linkName);
            } catch (BundleRefusedException ex) {
                throw new BundleRefusedException(Reason.LINK_OUTSIDE, raw, Detail.HARD_LINK_OUTSIDE, linkName);
            }
            if (!registry.isFile(targetRel)) {
                throw new BundleRefusedException(Reason.LINK_OUTSIDE, raw, Detail.HARD_LINK_NOT_FILE, linkName);
            }
            Path source = temp.resolve(targetRel);
            account(raw, Files.size(source));
            registry.add(raw, rel, Kind.FILE);
            mkdirsFor(rel);
            Files.copy(source, temp.resolve(rel), StandardCopyOption.COPY_ATTRIBUTES);
        }

        private static void checkLinkText(String raw, String target) {
            if (target == null || target.isEmpty()) {
                throw new BundleRefusedException(Reason.BROKEN_LINK, raw, Detail.LINK_TO_NOTHING);
            }
            String t = target.replace('\\', '/');
            if (t.startsWith("/") || (t.length() >= 2 && t.charAt(1) == ':')) {
                throw new BundleRefusedException(Reason.LINK_OUTSIDE, raw, Detail.LINK_ABSOLUTE, target);
            }
        }

        /**
         * Symlinks are created last, so no entry is ever written through one. Each must point, after normalisation,
         * inside the (stripped) root, and, once made, resolve there on disk too.
         */
        void createSymlinks(Path root, String top) throws IOException {
            for (String[] s : symlinks) {
                String raw = s[0];
                String rel = top.isEmpty() ? s[1] : s[1].substring(top.length() + 1);
                String target = s[2].replace('\\', '/');
                int slash = rel.lastIndexOf('/');
                List<String> parts = new ArrayList<>(EntryNames.segments(slash < 0 ? "" : rel.substring(0, slash)));
                for (String p : EntryNames.segments(target)) {
                    if (!p.equals("..")) {
                        parts.add(p);
                    } else if (parts.isEmpty()) {
                        throw new BundleRefusedException(Reason.LINK_OUTSIDE, raw, Detail.LINK_OUTSIDE, s[2]);
                    } else {
                        parts.removeLast();
                    }
                }
                Path link = root.resolve(rel);
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, Path.of(target));
            }
            Path realRoot = root.toRealPath();
            for (String[] s : symlinks) {
                String rel = top.isEmpty() ? s[1] : s[1].substring(top.length() + 1);
                Path real;
                try {
                    real = root.resolve(rel).toRealPath();
                } catch (NoSuchFileException ex) {
                    throw new BundleRefusedException(Reason.BROKEN_LINK, s[0], Detail.LINK_MISSING, s[2]);
                } catch (FileSystemException ex) {
                    throw new BundleRefusedException(Reason.BROKEN_LINK, s[0], Detail.LINK_UNRESOLVABLE, ex.getReason());
                }
                if (!real.startsWith(realRoot)) {
                    throw new BundleRefusedException(Reason.LINK_OUTSIDE, s[0], Detail.LINK_RESOLVES_OUTSIDE);
                }
            }
        }

        private void mkdirsFor(String rel) throws IOException {
            int slash = rel.lastIndexOf('/');
            if (slash > 0) {
                mkdirs(rel.substring(0, slash));
            }
        }

        private void mkdirs(String rel) throws IOException {
            if (madeDirs.add(rel)) {
                Files.createDirectories(temp.resolve(rel));
                for (int i = rel.indexOf('/'); i > 0; i = rel.indexOf('/', i + 1)) {
                    madeDirs.add(rel.substring(0, i));
                }
            }
        }
    }

    /** Deletes a tree without following links; best effort (a failure here must not hide the real error). */
    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
