package com.tradevault.app.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dashboard reads: it knows no command line, no trading service and no exchange adapter
 * (the exchange's value types, such as Side, are the domain's words). */
class DashboardArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.tradevault.app");

    @Test
    void theDashboardKnowsNoCommandLineNoTradingServiceAndNoExchange() {
        noClasses().that().resideInAnyPackage("..app.dashboard..", "..app.status..").should().dependOnClassesThat()
                .resideInAnyPackage("..app.cli..", "..app.bot..", "..app.reconciliation..", "..app.exchange.paper..",
                        "..app.exchange.binance..", "..app.exchange.wiring..",
                        "..app.ledger.jdbc..")
                .check(APP);
    }

    @Test
    void noCycleBetweenTheCommandLineTheDashboardAndTheStatusView() {
        slices().matching("com.tradevault.app.(cli|dashboard|status)..").should().beFreeOfCycles().check(APP);
    }
}
