package dev.arcrun.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.arcrun.core.bundle.BundleExtractor.Limits;
import dev.arcrun.core.bundle.BundleRefusedException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of hostile or broken tarballs, generated here. Each must be refused for its own reason, name the entry at
 * fault when there is one, and leave the folder around the destination exactly as it was.
 */
class HostileTarballsTest {

    record Case(String title, Supplier<byte[]> archive, Reason reason, String entry, Limits limits) {
        Case(String title, Supplier<byte[]> archive, Reason reason, String entry) {
            this(title, archive, reason, entry, Limits.defaults());
        }

        @Override
        public String toString() {
            return title;
        }
    }

    private static final String LONG = "pkg/" + "d".repeat(60) + "/" + "e".repeat(60) + "/";

    static List<Case> corpus() {
        return List.of(
                new Case("dot-dot at the start", () -> Tarballs.tar().file("../evil.txt", "x").gz(), Reason.PARENT_TRAVERSAL, "../evil.txt"),
                new Case("dot-dot in the middle", () -> Tarballs.tar().file("pkg/a.txt", "ok").file("pkg/../../evil.txt", "x").gz(),
                        Reason.PARENT_TRAVERSAL, "pkg/../../evil.txt"),
                new Case("dot-dot in a PAX long name", () -> Tarballs.tar().file(LONG + "../../../../evil.txt", "x").gz(),
                        Reason.PARENT_TRAVERSAL, LONG + "../../../../evil.txt"),
                new Case("dot-dot in a GNU long name", () -> Tarballs.gnuLongNames().file(LONG + "../../../../evil.txt", "x").gz(),
                        Reason.PARENT_TRAVERSAL, LONG + "../../../../evil.txt"),
                new Case("dot-dot with backslashes", () -> Tarballs.tar().file("pkg\\..\\..\\evil.txt", "x").gz(),
                        Reason.PARENT_TRAVERSAL, "pkg\\..\\..\\evil.txt"),
                new Case("absolute path", () -> Tarballs.tar().file("/tmp/evil.txt", "x").gz(), Reason.ABSOLUTE_PATH, "/tmp/evil.txt"),
                new Case("absolute Windows path", () -> Tarballs.tar().file("C:/evil.txt", "x").gz(), Reason.ABSOLUTE_PATH, "C:/evil.txt"),
                new Case("absolute path with a backslash", () -> Tarballs.tar().file("\\evil.txt", "x").gz(), Reason.ABSOLUTE_PATH, "\\evil.txt"),
                new Case("symlink to an absolute path", () -> Tarballs.tar().file("pkg/a", "a").symlink("pkg/passwd", "/etc/passwd").gz(),
                        Reason.LINK_OUTSIDE, "pkg/passwd"),
                new Case("symlink climbing out", () -> Tarballs.tar().file("pkg/a", "a").symlink("pkg/up", "../../outside").gz(),
                        Reason.LINK_OUTSIDE, "pkg/up"),
                new Case("symlink out of the stripped top folder", () -> Tarballs.tar().file("pkg/b", "b").symlink("pkg/a", "../pkg/b").gz(),
                        Reason.LINK_OUTSIDE, "pkg/a"),
                new Case("file written through a symlink", () -> Tarballs.tar().symlink("pkg/dir", "../..").file("pkg/dir/evil.txt", "x").gz(),
                        Reason.TYPE_CONFLICT, "pkg/dir/evil.txt"),
                new Case("symlink chain that escapes on disk", () -> Tarballs.tar().file("pkg/a", "a").symlink("pkg/d", ".").symlink("pkg/e", "d/..").gz(),
                        Reason.LINK_OUTSIDE, "pkg/e"),
                new Case("symlink chain onto a file beside the destination",
                        () -> Tarballs.tar().file("pkg/a", "a").symlink("pkg/d", ".").symlink("pkg/e", "d/../neighbour.txt").gz(),
                        Reason.LINK_OUTSIDE, "pkg/e"),
                new Case("dangling symlink", () -> Tarballs.tar().file("pkg/a", "a").symlink("pkg/l", "missing.txt").gz(),
                        Reason.BROKEN_LINK, "pkg/l"),
                new Case("hard link to an absolute path", () -> Tarballs.tar().file("pkg/a", "a").hardlink("pkg/h", "/etc/passwd").gz(),
                        Reason.LINK_OUTSIDE, "pkg/h"),
                new Case("hard link climbing out", () -> Tarballs.tar().file("pkg/a", "a").hardlink("pkg/h", "../outside").gz(),
                        Reason.LINK_OUTSIDE, "pkg/h"),
                new Case("hard link to nothing in the bundle", () -> Tarballs.tar().file("pkg/a", "a").hardlink("pkg/h", "pkg/b").gz(),
                        Reason.LINK_OUTSIDE, "pkg/h"),
                new Case("character device", () -> Tarballs.tar().file("pkg/a", "a").special("pkg/null", TarConstants.LF_CHR).gz(),
                        Reason.SPECIAL_FILE, "pkg/null"),
                new Case("block device", () -> Tarballs.tar().file("pkg/a", "a").special("pkg/sda", TarConstants.LF_BLK).gz(),
                        Reason.SPECIAL_FILE, "pkg/sda"),
                new Case("FIFO", () -> Tarballs.tar().file("pkg/a", "a").special("pkg/pipe", TarConstants.LF_FIFO).gz(),
                        Reason.SPECIAL_FILE, "pkg/pipe"),
                new Case("duplicate entry", () -> Tarballs.tar().file("pkg/a.txt", "1").file("pkg/a.txt", "2").gz(), Reason.DUPLICATE, "pkg/a.txt"),
                new Case("names that differ only in case", () -> Tarballs.tar().file("pkg/Readme.md", "1").file("pkg/README.md", "2").gz(),
                        Reason.CASE_COLLISION, "pkg/README.md"),
                new Case("folders that differ only in case", () -> Tarballs.tar().file("pkg/Src/a.js", "1").file("pkg/src/b.js", "2").gz(),
                        Reason.CASE_COLLISION, "pkg/src/b.js"),
                new Case("names that differ only in Unicode normalisation", () -> Tarballs.tar().file("pkg/caf\u00e9", "1").file("pkg/cafe\u0301", "2").gz(),
                        Reason.CASE_COLLISION, "pkg/cafe\u0301"),
                new Case("file where a folder is", () -> Tarballs.tar().file("pkg/a", "1").file("pkg/a/b", "2").gz(), Reason.TYPE_CONFLICT, "pkg/a/b"),
                new Case("reserved name aux.js", () -> Tarballs.tar().file("pkg/aux.js", "x").gz(), Reason.NOT_PORTABLE, "pkg/aux.js"),
                new Case("reserved folder name CON", () -> Tarballs.tar().file("pkg/CON/a.txt", "x").gz(), Reason.NOT_PORTABLE, "pkg/CON/a.txt"),
                new Case("reserved name com1", () -> Tarballs.tar().file("pkg/com1", "x").gz(), Reason.NOT_PORTABLE, "pkg/com1"),
                new Case("colon", () -> Tarballs.tar().file("pkg/a:b.txt", "x").gz(), Reason.NOT_PORTABLE, "pkg/a:b.txt"),
                new Case("question mark", () -> Tarballs.tar().file("pkg/what?.txt", "x").gz(), Reason.NOT_PORTABLE, "pkg/what?.txt"),
                new Case("angle brackets and pipe", () -> Tarballs.tar().file("pkg/<a|b>", "x").gz(), Reason.NOT_PORTABLE, "pkg/<a|b>"),
                new Case("quote and star", () -> Tarballs.tar().file("pkg/\"*\"", "x").gz(), Reason.NOT_PORTABLE, "pkg/\"*\""),
                new Case("trailing dot", () -> Tarballs.tar().file("pkg/name.", "x").gz(), Reason.NOT_PORTABLE, "pkg/name."),
                new Case("trailing space", () -> Tarballs.tar().file("pkg/name ", "x").gz(), Reason.NOT_PORTABLE, "pkg/name "),
                new Case("control character", () -> Tarballs.tar().file("pkg/a\u0001b", "x").gz(), Reason.NOT_PORTABLE, "pkg/a\u0001b"),
                new Case("too many entries", () -> {
                    Tarballs t = Tarballs.tar();
                    for (int i = 0; i < 11; i++) {
                        t.file("pkg/f" + i, "x");
                    }
                    return t.gz();
                }, Reason.TOO_MANY_ENTRIES, "pkg/f10", new Limits(1 << 30, 10, 1 << 20)),
                new Case("one file too large (gzip bomb)", () -> Tarballs.tar().file("pkg/zeros", new byte[4 << 20], 0100644).gz(),
                        Reason.FILE_TOO_LARGE, "pkg/zeros", new Limits(1 << 30, 100, 1 << 20)),
                new Case("too many bytes in all (gzip bomb)", () -> Tarballs.tar().file("pkg/z1", new byte[600_000], 0100644)
                        .file("pkg/z2", new byte[600_000], 0100644).file("pkg/z3", new byte[600_000], 0100644).gz(),
                        Reason.TOTAL_TOO_LARGE, "pkg/z2", new Limits(1 << 20, 100, 1 << 20)),
                new Case("hard link copies counted in the total", () -> Tarballs.tar().file("pkg/z1", new byte[600_000], 0100644)
                        .hardlink("pkg/z2", "pkg/z1").gz(), Reason.TOTAL_TOO_LARGE, "pkg/z2", new Limits(1 << 20, 100, 1 << 20)),
                new Case("gzip cut in half", () -> {
                    byte[] gz = Tarballs.engine("repo-main");
                    return Arrays.copyOf(gz, gz.length / 2);
                }, Reason.CORRUPT, null),
                new Case("gzip cut before its trailer", () -> {
                    byte[] gz = Tarballs.engine("repo-main");
                    return Arrays.copyOf(gz, gz.length - 6);
                }, Reason.CORRUPT, null),
                new Case("gzip with a wrong CRC", () -> {
                    byte[] gz = Tarballs.engine("repo-main");
                    gz[gz.length - 8] ^= 0x5a;
                    return gz;
                }, Reason.CORRUPT, null),
                new Case("gzip with damaged data", () -> {
                    byte[] gz = Tarballs.engine("repo-main");
                    for (int i = 40; i < 60; i++) {
                        gz[i] ^= (byte) 0xff;
                    }
                    return gz;
                }, Reason.CORRUPT, null),
                new Case("plain tar cut inside an entry", () -> {
                    byte[] tar = Tarballs.tar().file("pkg/a", "a").file("pkg/big", new byte[8192], 0100644).plain();
                    return Arrays.copyOf(tar, 512 * 4 + 1000);
                }, Reason.CORRUPT, null),
                new Case("an HTML error page", () -> "<!DOCTYPE html><html><body>404</body></html>".getBytes(StandardCharsets.UTF_8),
                        Reason.NOT_AN_ARCHIVE, null),
                new Case("a zip file", () -> new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}, Reason.NOT_AN_ARCHIVE, null),
                new Case("random bytes", () -> {
                    byte[] b = new byte[4096];
                    new java.util.Random(7).nextBytes(b);
                    b[0] = 'x';
                    return b;
                }, Reason.NOT_AN_ARCHIVE, null),
                new Case("an empty file", () -> new byte[0], Reason.EMPTY, null),
                new Case("an archive with no entries", () -> Tarballs.tar().gz(), Reason.EMPTY, null));
    }

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedForTheRightReasonAndLeavesNothing(Case c) throws IOException {
        Path archive = tmp.resolve("bundle.tar.gz");
        Files.write(archive, c.archive().get());
        Path parent = Files.createDirectories(tmp.resolve("installs"));
        Files.writeString(parent.resolve("neighbour.txt"), "untouched");
        Path dest = parent.resolve("engine");
        List<String> before = listing(tmp);

        BundleRefusedException e = catchThrowableOfType(BundleRefusedException.class,
                () -> new BundleExtractor(c.limits()).extract(archive, dest));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(c.reason());
        if (c.entry() != null) {
            assertThat(e.entry()).isEqualTo(c.entry());
            assertThat(e.getMessage()).contains(BundleRefusedException.printable(c.entry()));
        }
        // the refusal is a fact: a Chinese user reads the reason in Chinese, not the English detail
        String zh = new dev.arcrun.core.i18n.Messages(java.util.Locale.TRADITIONAL_CHINESE).render(e.failure());
        assertThat(zh).startsWith("已拒絕這個套件").doesNotContain("!bundle").doesNotContain(e.detail());
        assertThat(listing(tmp)).isEqualTo(before);
        assertThat(parent.resolve("neighbour.txt")).hasContent("untouched");
        assertThat(Files.exists(Path.of("/tmp/evil.txt"))).isFalse();
        assertThat(tmp.resolve("evil.txt")).doesNotExist();
    }

    @org.junit.jupiter.api.Test
    void theCorpusHasAtLeast25Cases() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(25);
    }

    /** Every path under {@code root}, with sizes, so any stray write shows. */
    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p) + (Files.isRegularFile(p) ? ":" + p.toFile().length() : "")).sorted().toList();
        }
    }
}
