package dev.arcrun.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Core and the SDK speak HTTP through java.net.http alone: one stack, one place for timeouts and redirects. */
class OneHttpStackTest {
    @Test
    void noMainCodeUsesHttpUrlConnection() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.arcrun.core", "dev.arcrun.sdk");
        assertThat(main.stream().map(c -> c.getPackageName()).distinct()).contains("dev.arcrun.core.bundle", "dev.arcrun.sdk");
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .because("the downloader, the Cloudflare client and the engine client all use java.net.http")
                .check(main);
    }
}
