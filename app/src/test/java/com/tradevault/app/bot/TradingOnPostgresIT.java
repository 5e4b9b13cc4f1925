package com.tradevault.app.bot;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same bot code, unchanged, on a PostgreSQL ledger: configuration is the only difference. */
class TradingOnPostgresIT {

    @TempDir
    Path dir;

    @Test
    void threeHundredTicksOnPostgresLeaveLedgerAndExchangeInAgreement() {
        String url = PostgresServer.shared().newDatabase();
        try (BotFixture f = new BotFixture(dir, TestLedgers.env(dir, "TRADEVAULT_DB_URL", url))) {
            Bot bot = f.newBot();
            bot.reconcile();
            for (int i = 0; i < 300; i++) {
                f.clock.advance(Duration.ofSeconds(1));
                f.exchange.tick();
                bot.trading().scan(BotFixture.SYMBOL);
            }
            assertFalse(f.ledger.read(LedgerSession::allFills).isEmpty(), "it traded");
            TradingEndToEndIT.assertLedgerEqualsExchange(f);
        }
    }
}
