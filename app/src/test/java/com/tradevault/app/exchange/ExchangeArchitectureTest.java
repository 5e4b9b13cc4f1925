package com.tradevault.app.exchange;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The port knows no adapter; the adapters do not know each other; only wiring knows them all. */
class ExchangeArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.tradevault.app.exchange");

    @Test
    void thePortDependsOnNoAdapter() {
        noClasses().that().resideInAPackage("com.tradevault.app.exchange")
                .should().dependOnClassesThat().resideInAnyPackage("com.tradevault.app.exchange.paper..",
                        "com.tradevault.app.exchange.binance..", "com.tradevault.app.exchange.wiring..")
                .check(CLASSES);
    }

    @Test
    void thePaperEngineKnowsNeitherHttpNorBinance() {
        noClasses().that().resideInAPackage("com.tradevault.app.exchange.paper")
                .should().dependOnClassesThat().resideInAnyPackage("com.tradevault.app.exchange.binance..",
                        "com.tradevault.app.exchange.paper.server..", "com.sun.net.httpserver..", "java.net.http..")
                .check(CLASSES);
    }

    @Test
    void theBinanceAdapterDoesNotKnowThePaperExchange() {
        noClasses().that().resideInAPackage("com.tradevault.app.exchange.binance..")
                .should().dependOnClassesThat().resideInAPackage("com.tradevault.app.exchange.paper..")
                .check(CLASSES);
    }
}
