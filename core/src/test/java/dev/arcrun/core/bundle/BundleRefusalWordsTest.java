package dev.arcrun.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.bundle.BundleRefusedException.Detail;
import dev.arcrun.core.bundle.BundleRefusedException.Reason;
import dev.arcrun.core.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A refused bundle is a fact: its reason, and the specifics behind it, read in the user's language. */
class BundleRefusalWordsTest {
    private static final Messages ZH = new Messages(Locale.TRADITIONAL_CHINESE);

    @TempDir
    Path tmp;

    private BundleRefusedException refuse(byte[] archive, BundleExtractor.Limits limits) throws IOException {
        Path file = Files.write(tmp.resolve("bundle.tar.gz"), archive);
        return catchThrowableOfType(BundleRefusedException.class,
                () -> new BundleExtractor(limits).extract(file, tmp.resolve("engine")));
    }

    @Test
    void aClimbingEntryIsRefusedInChineseWithItsSpecifics() throws IOException {
        BundleRefusedException e = refuse(Tarballs.tar().file("pkg/../../evil.txt", "x").gz(), BundleExtractor.Limits.defaults());

        assertThat(e.failure()).isEqualTo(Failure.of(Failure.Code.BUNDLE_REFUSED_ENTRY, Reason.PARENT_TRAVERSAL, "pkg/../../evil.txt"));
        assertThat(e.adviceFact()).isEqualTo(Advice.of(Advice.Code.BUNDLE_TRUSTED));
        assertThat(e.detailCode()).isEqualTo(Detail.DOT_DOT);
        assertThat(ZH.render(e.failure())).isEqualTo("已拒絕這個套件：項目「pkg/../../evil.txt」用「..」跳出了套件。");
        assertThat(ZH.render(e.adviceFact())).startsWith("沒有安裝任何東西");
        assertThat(e.detail(ZH)).isEqualTo("含有「..」");
        assertThat(e.detail()).as("logs keep English").isEqualTo("contains \"..\"");
    }

    @Test
    void theSpecificsCarryTheirValues() throws IOException {
        BundleRefusedException e = refuse(Tarballs.tar().file("pkg/big.bin", new byte[2048], 0100644).gz(),
                new BundleExtractor.Limits(1L << 20, 100, 1024));

        assertThat(e.reason()).isEqualTo(Reason.FILE_TOO_LARGE);
        assertThat(e.detailCode()).isEqualTo(Detail.FILE_TOO_LARGE);
        assertThat(e.detailValues()).isEqualTo(List.of(2048L, 1024L));
        assertThat(e.detail()).isEqualTo("is 2,048 bytes, more than the limit of 1,024 for one file");
        assertThat(e.detail(ZH)).isEqualTo("有 2,048 位元組，超過單一檔案 1,024 位元組的上限");
    }

    @Test
    void aWebPageInsteadOfAnArchiveIsRefusedAsAWhole() throws IOException {
        BundleRefusedException e = refuse("<!DOCTYPE html><html></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                BundleExtractor.Limits.defaults());

        assertThat(e.entry()).isNull();
        assertThat(e.failure()).isEqualTo(Failure.of(Failure.Code.BUNDLE_REFUSED, Reason.NOT_AN_ARCHIVE));
        assertThat(e.detailCode()).isEqualTo(Detail.WEB_PAGE);
        assertThat(ZH.render(e.failure())).isEqualTo("已拒絕這個套件：它不是 .tar.gz 壓縮檔。");
        assertThat(e.detail(ZH)).isEqualTo("是網頁，而不是 .tar.gz 壓縮檔");
    }

    @Test
    void everySpecificHasItsWordsInBothLanguages() {
        for (Messages m : List.of(new Messages(Locale.ENGLISH), ZH)) {
            for (Detail d : Detail.values()) {
                assertThat(new BundleRefusedException(Reason.CORRUPT, "x", d, "a", "b").detail(m)).as("%s in %s", d, m.locale())
                        .doesNotStartWith("!").doesNotContain("{0}", "{1}");
            }
        }
    }
}
