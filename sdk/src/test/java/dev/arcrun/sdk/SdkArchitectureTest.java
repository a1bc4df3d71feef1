package dev.arcrun.sdk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SDK is for any Java program: it may lean on Jackson and the JDK, never on the desktop app's own modules. */
class SdkArchitectureTest {
    private static JavaClasses sdk;

    @BeforeAll
    static void importSdk() {
        sdk = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.arcrun.sdk");
        assertThat(sdk.contain(EngineClient.class) && sdk.contain(Arcrun.class)).as("the SDK's main code was imported").isTrue();
    }

    @Test
    void theSdkImportsNothingOfCoreCliOrApp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.arcrun.core..", "dev.arcrun.cli..",
                "dev.arcrun.app..", "dev.arcrun.testkit..", "javafx..").check(sdk);
    }

    @Test
    void theSdkNeverEndsTheProcess() {
        noClasses().should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class).check(sdk);
    }
}
