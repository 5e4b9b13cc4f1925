package com.tradevault.app.ledger.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.ledger.Ledger;
import com.tradevault.setup.db.Database;
import com.tradevault.setup.db.OpeningDatabases;
import com.tradevault.setup.db.SettingUpDatabase;
import com.tradevault.setup.key.KeyResolver;
import com.tradevault.setup.testing.TestLedgers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcLedgerOnSqliteTest {

    @TempDir
    Path dir;

    private Database db;
    private Ledger ledger;

    @BeforeEach
    void openEncryptedLedger() {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        new SettingUpDatabase(opening, Clock.systemUTC()).run();
        db = opening.openExisting();
        assertTrue(db.encrypted());
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
    void refusesAClientOrderIdTwice() {
        LedgerScenarios.refusesAClientOrderIdTwice(ledger);
    }

    @Test
    void keepsDecisionsCursorAndLastPrice() {
        LedgerScenarios.keepsDecisionsCursorAndLastPrice(ledger);
    }

    @Test
    void sumsRealizedPnlAndKeepsCancelRequests() {
        LedgerScenarios.sumsRealizedPnlAndKeepsCancelRequests(ledger);
    }
}
