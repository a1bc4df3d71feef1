package dev.arcrun.core.bundle;

import dev.arcrun.core.Cancellation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.bundle.BundleExtractor.Existing;
import dev.arcrun.core.bundle.BundleExtractor.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundleExtractorTest {
    @TempDir
    Path tmp;

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void extractsACodeloadTarballStrippingTheTopFolderAndKeepingExecBits(boolean readAhead) throws IOException {
        Path archive = write("engine.tar.gz", Tarballs.engine("arcrun-main"));
        Path dest = tmp.resolve("out/engine");
        Files.createDirectories(dest.getParent());

        BundleExtractor.Extracted x = new BundleExtractor(Limits.defaults(), readAhead).extract(archive, dest);

        assertThat(x.strippedTopFolder()).isEqualTo("arcrun-main");
        assertThat(dest.resolve("README.md")).hasContent("# engine");
        assertThat(dest.resolve("workers/registry/wrangler.toml")).exists();
        assertThat(dest.resolve("pax_global_header")).doesNotExist();
        assertThat(Files.getPosixFilePermissions(dest.resolve("scripts/build.sh"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getPosixFilePermissions(dest.resolve("README.md"))).doesNotContain(PosixFilePermission.OWNER_EXECUTE);
        try (Stream<Path> s = Files.list(dest.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("engine");
        }
    }

    @Test
    void keepsSeveralTopLevelEntriesAsTheyAre() throws IOException {
        Path archive = write("b.tar", Tarballs.tar().file("a.txt", "a").file("sub/b.txt", "b").plain());
        Path dest = tmp.resolve("dest");
        BundleExtractor.Extracted x = new BundleExtractor().extract(archive, dest);
        assertThat(x.strippedTopFolder()).isNull();
        assertThat(dest.resolve("a.txt")).hasContent("a");
        assertThat(dest.resolve("sub/b.txt")).hasContent("b");
    }

    @Test
    void makesSymlinksInsideAndHardLinksAsCopies() throws IOException {
        Path archive = write("b.tgz", Tarballs.tar()
                .file("pkg/lib/a.js", "A")
                .symlink("pkg/current", "lib")
                .symlink("pkg/lib/b.js", "a.js")
                .hardlink("pkg/copy.js", "pkg/lib/a.js").gz());
        Path dest = tmp.resolve("dest");
        new BundleExtractor().extract(archive, dest);
        assertThat(Files.isSymbolicLink(dest.resolve("current"))).isTrue();
        assertThat(dest.resolve("current/a.js")).hasContent("A");
        assertThat(dest.resolve("lib/b.js")).hasContent("A");
        assertThat(Files.isSymbolicLink(dest.resolve("copy.js"))).isFalse();
        assertThat(dest.resolve("copy.js")).hasContent("A");
    }

    @Test
    void refusesANonEmptyDestinationUnlessToldToReplaceItAtomically() throws IOException {
        Path archive = write("b.tgz", Tarballs.tar().file("pkg/new.txt", "new").gz());
        Path dest = Files.createDirectories(tmp.resolve("dest"));
        Files.writeString(dest.resolve("old.txt"), "old");

        assertThatThrownBy(() -> new BundleExtractor().extract(archive, dest)).isInstanceOf(UserFacingException.class)
                .satisfies(e -> assertThat(((UserFacingException) e).failure())
                        .isEqualTo(dev.arcrun.core.Failure.of(dev.arcrun.core.Failure.Code.BUNDLE_DEST_NOT_EMPTY, dest.toAbsolutePath().normalize())))
                .satisfies(e -> assertThat(((UserFacingException) e).adviceFact().code()).isEqualTo(dev.arcrun.core.Advice.Code.REPLACE_DEST));
        assertThat(dest.resolve("old.txt")).exists();

        new BundleExtractor().extract(archive, dest, Existing.REPLACE, p -> {}, Cancellation.none());
        assertThat(dest.resolve("new.txt")).hasContent("new");
        assertThat(dest.resolve("old.txt")).doesNotExist();
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("b.tgz", "dest");
        }
    }

    @Test
    void aFailedReplaceKeepsTheOldFolder() throws IOException {
        Path archive = write("b.tgz", Tarballs.tar().file("pkg/a", "1").file("pkg/a", "2").gz());
        Path dest = Files.createDirectories(tmp.resolve("dest"));
        Files.writeString(dest.resolve("old.txt"), "old");
        assertThatThrownBy(() -> new BundleExtractor().extract(archive, dest, Existing.REPLACE, p -> {}, Cancellation.none()))
                .isInstanceOf(BundleRefusedException.class);
        assertThat(dest.resolve("old.txt")).hasContent("old");
    }

    @Test
    void cancellingStopsAndLeavesNothing() throws IOException {
        Tarballs t = Tarballs.tar();
        for (int i = 0; i < 600; i++) {
            t.file("pkg/f" + i, "x");
        }
        Path archive = write("b.tgz", t.gz());
        Path dest = tmp.resolve("dest");
        Cancellation cancel = new Cancellation();
        List<BundleExtractor.Progress> seen = new ArrayList<>();
        assertThatThrownBy(() -> new BundleExtractor().extract(archive, dest, Existing.REFUSE, p -> {
            seen.add(p);
            cancel.cancel();
        }, cancel)).isInstanceOf(CancellationException.class);
        assertThat(seen).hasSize(1);
        assertThat(dest).doesNotExist();
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("b.tgz");
        }
    }

    @Test
    void aRefusalInTheBeforeCommitCheckLeavesNothing() throws IOException {
        Path archive = write("b.tgz", Tarballs.tar().file("pkg/a", "1").gz());
        Path dest = tmp.resolve("dest");
        assertThatThrownBy(() -> new BundleExtractor().extract(archive, dest, Existing.REFUSE, p -> {}, Cancellation.none(),
                root -> { throw new UserFacingException(dev.arcrun.core.Failure.of(dev.arcrun.core.Failure.Code.BUNDLE_NO_WORKER, root),
                        dev.arcrun.core.Advice.NONE); })).isInstanceOf(UserFacingException.class);
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("b.tgz");
        }
    }

    @Test
    void defaultLimitsAreThoseOfTheIssue() {
        assertThat(Limits.defaults()).isEqualTo(new Limits(1L << 30, 50_000, 256L << 20));
    }
}
