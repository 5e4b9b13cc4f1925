package com.tradevault.app.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The bot's layering, as rules that fail the build. */
class BotArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.tradevault.app");

    @Test
    void theDomainKnowsNoDatabaseNoLedgerAndNoServices() {
        noClasses().that().resideInAPackage("..app.trading..").should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "..app.ledger..", "..app.orders..", "..app.bot..",
                        "..app.reconciliation..", "..app.cli..", "..app.exchange.paper..", "..app.exchange.binance..",
                        "com.tradevault.core.db..")
                .check(APP);
    }

    @Test
    void servicesUseTheLedgerPortNotItsJdbcAdapter() {
        noClasses().that().resideInAnyPackage("..app.orders..", "..app.bot..", "..app.reconciliation..")
                .should().dependOnClassesThat().resideInAnyPackage("..app.ledger.jdbc..", "java.sql..",
                        "..app.exchange.paper..", "..app.exchange.binance..")
                .check(APP);
    }

    @Test
    void theLedgerPortKnowsNothingOfJdbc() {
        noClasses().that().resideInAPackage("com.tradevault.app.ledger").should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "..app.ledger.jdbc..").check(APP);
    }

    @Test
    void onlyTheDialectKnowsWhichBackendTheLedgerIsOn() {
        noClasses().that().resideInAPackage("..app.ledger.jdbc..").should().dependOnClassesThat()
                .resideInAnyPackage("org.sqlite..", "org.postgresql..").check(APP);
    }
}
