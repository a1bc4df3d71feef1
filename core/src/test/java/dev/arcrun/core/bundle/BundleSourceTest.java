package dev.arcrun.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.core.UserFacingException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleSourceTest {
    @Test
    void githubRefsBecomeCodeloadUrls() {
        URI expected = URI.create("https://codeload.github.com/arcrun/engine/tar.gz/v1.2.0");
        assertThat(BundleSource.parse("github:arcrun/engine@v1.2.0")).isEqualTo(new BundleSource.Remote(expected));
        assertThat(BundleSource.parse("arcrun/engine@v1.2.0")).isEqualTo(new BundleSource.Remote(expected));
        assertThat(BundleSource.parse(" arcrun/engine@feature/x ")).isEqualTo(new BundleSource.Remote(
                URI.create("https://codeload.github.com/arcrun/engine/tar.gz/feature/x")));
    }

    @Test
    void urlsFilesAndBuiltin(@TempDir Path dir) throws IOException {
        assertThat(BundleSource.parse("https://example.org/e.tar.gz"))
                .isEqualTo(new BundleSource.Remote(URI.create("https://example.org/e.tar.gz")));
        assertThat(BundleSource.parse("BUILTIN")).isEqualTo(new BundleSource.Builtin());
        Path f = Files.write(dir.resolve("e.tar.gz"), new byte[] {1});
        assertThat(BundleSource.parse(f.toString())).isEqualTo(new BundleSource.LocalFile(f.toAbsolutePath()));
    }

    @Test
    void nonsenseIsAClearError() {
        assertThatThrownBy(() -> BundleSource.parse("")).isInstanceOf(UserFacingException.class).satisfies(e -> assertThat(dev.arcrun.core.TestWords.code(e)).isEqualTo(dev.arcrun.core.Failure.Code.SOURCE_MISSING));
        assertThatThrownBy(() -> BundleSource.parse("github:nope")).satisfies(e -> assertThat(dev.arcrun.core.TestWords.code(e)).isEqualTo(dev.arcrun.core.Failure.Code.SOURCE_GITHUB_FORM));
        assertThatThrownBy(() -> BundleSource.parse("owner/repo@../../x")).satisfies(e -> assertThat(dev.arcrun.core.TestWords.code(e)).isEqualTo(dev.arcrun.core.Failure.Code.SOURCE_UNKNOWN));
        assertThatThrownBy(() -> BundleSource.parse("/no/such/file.tar.gz")).satisfies(e -> assertThat(dev.arcrun.core.TestWords.code(e)).isEqualTo(dev.arcrun.core.Failure.Code.SOURCE_UNKNOWN));
        assertThatThrownBy(() -> BundleSource.parse("https://")).isInstanceOf(UserFacingException.class).satisfies(e -> assertThat(dev.arcrun.core.TestWords.code(e)).isEqualTo(dev.arcrun.core.Failure.Code.SOURCE_URL_INVALID));
    }
}
