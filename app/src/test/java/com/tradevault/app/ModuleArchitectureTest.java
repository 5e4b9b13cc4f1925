package com.tradevault.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Rules across modules: the dependency direction and the one place that knows the backend. */
class ModuleArchitectureTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.tradevault");

    @Test
    void setupKnowsNothingOfBackupsOrTrading() {
        noClasses().that().resideInAPackage("com.tradevault.setup..").should().dependOnClassesThat()
                .resideInAnyPackage("com.tradevault.backup..", "com.tradevault.app..").check(ALL);
    }

    @Test
    void backupKnowsNothingOfTrading() {
        noClasses().that().resideInAPackage("com.tradevault.backup..").should().dependOnClassesThat()
                .resideInAPackage("com.tradevault.app..").check(ALL);
    }

    @Test
    void onlySetupsDatabaseLayerTouchesTheDrivers() {
        noClasses().that().resideOutsideOfPackages("com.tradevault.setup.db..", "com.tradevault.app.exchange.paper..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..", "org.postgresql..").check(ALL);
    }
}
