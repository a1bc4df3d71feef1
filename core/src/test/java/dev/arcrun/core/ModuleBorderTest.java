package dev.arcrun.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * core is the headless half: the CLI, the app, servers and tests use it without a display, and it must never lean
 * on either face or on anything that exists only in tests.
 */
class ModuleBorderTest {
    static final String[] TEST_ONLY = {"org.junit..", "org.assertj..", "org.testfx..", "org.mockito..",
            "com.atlassian.oai..", "com.tngtech.archunit..", "dev.arcrun.testkit.."};
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.arcrun.core");
        // A rule over no classes passes whatever it says: make sure the import found core's main code.
        assertThat(core.stream().map(c -> c.getPackageName()).distinct())
                .contains("dev.arcrun.core.install", "dev.arcrun.core.cloudflare", "dev.arcrun.core.local");
    }

    @Test
    void coreImportsNothingOfJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..").check(core);
    }

    @Test
    void coreNeverImportsTheFaces() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.arcrun.cli..", "dev.arcrun.app..").check(core);
    }

    @Test
    void coreMainCodeUsesNoTestOnlyType() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(TEST_ONLY).check(core);
    }

    @Test
    void coreNeverEndsTheProcess() {
        noClasses().should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .because("only the CLI's entry point decides the exit code; the app quits through JavaFX")
                .check(core);
    }
}
