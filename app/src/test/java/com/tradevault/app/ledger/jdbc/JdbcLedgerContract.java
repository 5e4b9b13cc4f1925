package com.tradevault.app.ledger.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradevault.app.ledger.Ledger;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SettingUpDatabase;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger scenarios, run the same way on each backend; subclasses say where the ledger lives. */
abstract class JdbcLedgerContract {

    @TempDir
    Path dir;

    private Database db;
    private Ledger ledger;

    /** The environment that points at the backend under test. */
    abstract Map<String, String> env(Path dir);

    /** Whether tradevault encrypts this backend's ledger. */
    abstract boolean encrypted();

    @BeforeEach
    void openLedger() {
        Map<String, String> env = env(dir);
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        new SettingUpDatabase(opening, Clock.systemUTC()).run();
        db = opening.openExisting();
        assertEquals(encrypted(), db.encrypted());
        ledger = JdbcLedgers.on(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void roundTripsOrderFillAndPosition() {
        LedgerScenarios.roundTripsOrderFillAndPosition(ledger);
    }

    @Test
    void keepsTheSameVenueOrderIdOnTwoSymbols() {
        LedgerScenarios.keepsTheSameVenueOrderIdOnTwoSymbols(ledger);
    }

    @Test
    void refusesAClientOrderIdTwice() {
        LedgerScenarios.refusesAClientOrderIdTwice(ledger);
    }

    @Test
    void keepsDecisionsCursorAndLastPrice() {
        LedgerScenarios.keepsDecisionsCursorAndLastPrice(ledger);
    }

    @Test
    void listsASymbolsDecisionsNewestFirstWithinATimeWindow() {
        LedgerScenarios.listsASymbolsDecisionsNewestFirstWithinATimeWindow(ledger);
    }

    @Test
    void findsAWindowInThePastByIdAlsoWithTheClockSteppedBack() {
        LedgerScenarios.findsAWindowInThePastByIdAlsoWithTheClockSteppedBack(ledger);
    }

    @Test
    void findsAWindowInThePastAcrossFoldedGaps() {
        FoldingScenarios.findsAWindowInThePastAcrossFoldedGaps(ledger);
    }

    @Test
    void sumsRealizedPnlAndKeepsCancelRequests() {
        LedgerScenarios.sumsRealizedPnlAndKeepsCancelRequests(ledger);
    }

    @Test
    void keepsAVenueTrailedStopWithoutAStopPriceAndTheDust() {
        LedgerScenarios.keepsAVenueTrailedStopWithoutAStopPriceAndTheDust(ledger);
    }

    @Test
    void foldsRunsWithExactCountsAndSpansAcrossBatches() throws Exception {
        FoldingScenarios.foldsRunsWithExactCountsAndSpansAcrossBatches(ledger, db);
    }

    @Test
    void aRunGoesOnAcrossCompactions() throws Exception {
        FoldingScenarios.aRunGoesOnAcrossCompactions(ledger, db);
    }

    @Test
    void foldingStopsAtTheHorizon() throws Exception {
        FoldingScenarios.stopsAtTheHorizon(ledger, db);
    }

    @Test
    void foldsIdenticalAuditEntries() throws Exception {
        FoldingScenarios.foldsIdenticalAuditEntries(ledger, db);
    }

    @Test
    void packsDecisionsLosslesslyAndListsThemTheSame() throws Exception {
        DecisionPackScenarios.packsLosslesslyAndListsTheSame(ledger, db);
    }

    @Test
    void foldingUnpacksDecisionsAndFoldsAsIfNeverPacked() throws Exception {
        DecisionPackScenarios.foldingUnpacksAndFoldsAsIfNeverPacked(ledger, db);
    }

    @Test
    void packsUpToItsHorizonAndFoldingUnpacksOnlyWhatItFolds() throws Exception {
        DecisionPackScenarios.packsUpToItsHorizonAndFoldingUnpacksOnlyWhatItFolds(ledger, db);
    }

    @Test
    void aDamagedDecisionPackIsNamedNotMisread() throws Exception {
        DecisionPackScenarios.aDamagedPackIsNamedNotMisread(ledger, db);
    }

    @Test
    void listsTheOrdersReconciliationMustSettleAndTheSymbolsTraded() {
        LedgerScenarios.listsTheOrdersReconciliationMustSettleAndTheSymbolsTraded(ledger);
    }
}
