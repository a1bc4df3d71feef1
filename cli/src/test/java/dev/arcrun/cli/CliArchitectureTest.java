package dev.arcrun.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CLI is a face of core: it renders core's facts, never the app's, and only its entry point exits. */
class CliArchitectureTest {
    private static JavaClasses cli;

    @BeforeAll
    static void importCli() {
        cli = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.arcrun.cli");
        assertThat(cli.contain(ArcrunCli.class)).as("the CLI's main code was imported").isTrue();
    }

    @Test
    void onlyTheEntryPointExits() {
        noClasses().that().doNotHaveFullyQualifiedName(ArcrunCli.class.getName())
                .should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .because("commands return their exit code; ArcrunCli.main alone ends the process")
                .check(cli);
    }

    @Test
    void theCliNeverUsesTheAppJavaFxOrTestOnlyTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.arcrun.app..", "javafx..",
                "org.junit..", "org.assertj..", "com.atlassian.oai..", "dev.arcrun.testkit..").check(cli);
    }
}
