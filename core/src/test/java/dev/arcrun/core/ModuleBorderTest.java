package dev.arcrun.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** core is the headless half: the CLI, servers and tests use it without a display, so no JavaFX (not even javafx.base). */
class ModuleBorderTest {
    @Test
    void coreImportsNothingOfJavaFx() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.arcrun.core");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
