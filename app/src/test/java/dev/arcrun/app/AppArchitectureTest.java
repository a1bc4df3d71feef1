package dev.arcrun.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The app is a face of core: it never borrows the CLI, never ships test-only types, and quits through JavaFX. */
class AppArchitectureTest {
    private static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.arcrun.app");
        assertThat(app.contain(Launcher.class)).as("the app's main code was imported").isTrue();
    }

    @Test
    void onlyTheLauncherEndsTheProcessBeforeJavaFxStarts() {
        noClasses().that().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .because("once JavaFX runs, quitting goes through Platform.exit so engines and windows close in order;"
                        + " only the launcher exits, when the system cannot start JavaFX at all")
                .check(app);
    }

    @Test
    void theAppUsesNeitherTheCliNorTestOnlyTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.arcrun.cli..", "picocli..",
                "org.junit..", "org.assertj..", "org.testfx..", "com.atlassian.oai..", "dev.arcrun.testkit..").check(app);
    }
}
