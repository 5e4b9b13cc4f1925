package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

    @TempDir
    Path dir;

    private Map<String, String> env;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void environment() throws Exception {
        Path config = dir.resolve("fast.conf");
        Files.writeString(config, "bot.scan-interval = 100ms\nstrategy.lookback = 3\npaper.feed.tick-interval = 20ms\n");
        env = new HashMap<>();
        env.putAll(TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX, "TRADEVAULT_CONFIG", config.toString()));
    }

    private int run(String... args) {
        CommandLine cl = new Cli(env, Clock.systemUTC()).commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void runForTwoSecondsScansAndLeavesAStatusWithTheLastDecision() throws Exception {
        assertEquals(0, run("setup-db"));
        out.getBuffer().setLength(0);

        assertEquals(0, run("run", "--for", "2s"), err.toString());
        assertTrue(out.toString().startsWith("Stopped after "), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, run("status", "--json"));
        JsonNode trading = new ObjectMapper().readTree(out.toString()).get("trading");
        assertEquals("BTCUSDT", trading.get("lastDecision").get("symbol").asText());
        assertEquals(trading.get("openPositions").size(), trading.get("openOrders").size(),
                "each open position has its stop as its only open order");
    }

    @Test
    void runRefusesALedgerThatSetupDbHasNotCreated() {
        assertEquals(1, run("run", "--for", "2s"));
        assertEquals("error: no ledger at " + dir.resolve("data/tradevault.db") + "\n"
                + "next: run 'tradevault setup-db' to create it, or point data-dir / TRADEVAULT_DATA_DIR at the right"
                + " folder\n", err.toString());
    }

    @Test
    void runRefusesALedgerAtAnOlderSchemaAndSaysToRunSetupDb() throws Exception {
        assertEquals(0, run("setup-db"));
        try (Database db = opening().openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE orders DROP COLUMN cancel_requested_at");
            s.execute("CREATE INDEX orders_symbol_status ON orders (symbol, status)");
            s.execute("DELETE FROM flyway_schema_history WHERE CAST(version AS INTEGER) >= 2");
        }

        assertEquals(1, run("run", "--for", "2s"));
        assertEquals("error: ledger " + dir.resolve("data/tradevault.db") + " is at schema v1 but this bundle needs v"
                + TestLedgers.latestSchemaVersion() + "\n"
                + "next: run 'tradevault setup-db' first\n", err.toString());
    }

    @Test
    void runRefusesWhileAnotherInstanceHoldsTheLedger() {
        assertEquals(0, run("setup-db"));
        try (Database db = opening().openExisting(); InstanceLock lock = db.dialect().lockForWriting(db)) {
            assertEquals(5, run("run", "--for", "2s"));
        }
        assertTrue(err.toString().startsWith("error: ledger " + dir.resolve("data/tradevault.db")
                + " is in use by another tradevault process (PID " + ProcessHandle.current().pid() + ")"), err.toString());
    }

    @Test
    void runRejectsADurationWrittenWrongly() {
        assertEquals(2, run("run", "--for", "1 minute"));
        assertEquals("error: --for 1 minute: must be a duration from 1s to 3650d, such as 90s, 15m or 2h\n"
                + "next: write it like 90s, 15m or 2h\n",
                err.toString());
    }

    /** No ledger exists yet: the bad value is refused before anything is opened, let alone traded. */
    @Test
    void runRefusesAnUnknownCrashPointBeforeOpeningTheLedger() {
        assertEquals(2, run("run", "--test-crash-at=after-lunch:2"));
        assertEquals("error: --test-crash-at after-lunch:2 names no crash point\n"
                + "next: write --test-crash-at=<point>[:<n>] (halt the n-th time it is reached), the point one of"
                + " after-intent-commit, after-send-before-ack, between-cancel-and-place, mid-fill-record,"
                + " before-alert-delivery, hang-in-scan-loop\n", err.toString());
    }

    @Test
    void theTestOnlyCrashPointOptionIsNotInTheHelp() {
        assertEquals(0, run("run", "--help"));
        assertTrue(out.toString().contains("--for=DURATION"), out.toString());
        assertFalse(out.toString().contains("crash"), out.toString());
    }

    @Test
    void runRejectsABotSymbolThePaperExchangeDoesNotTrade() throws Exception {
        Files.writeString(dir.resolve("fast.conf"), "bot.symbols = \"ETHUSDT\"\n");
        assertEquals(2, run("run", "--for", "2s"));
        assertEquals("error: invalid configuration:\n  bot.symbols = ETHUSDT: must be among paper.symbols (BTCUSDT)"
                + " when trading on the in-process paper exchange\n"
                + "next: fix these settings (see docs/configuration.md), then run 'tradevault config check'\n",
                err.toString());
    }

    @Test
    void runStopsWithTheNextStepWhenTheExchangeCannotBeReached() throws Exception {
        assertEquals(0, run("setup-db"));
        Files.writeString(dir.resolve("fast.conf"), "exchange.max-retries = 0\n");
        env.put("TRADEVAULT_EXCHANGE_URL", "http://127.0.0.1:1");
        env.put("TRADEVAULT_EXCHANGE_API_KEY", "test-key");
        env.put("TRADEVAULT_EXCHANGE_API_SECRET", "test-secret");
        err.getBuffer().setLength(0);

        assertEquals(1, run("run", "--for", "2s"));
        String[] lines = err.toString().split("\n");
        assertTrue(lines[0].startsWith("error: the bot stopped: the exchange failed: cannot connect to"
                + " http://127.0.0.1:1"), lines[0]);
        assertEquals("next: stops already placed stay on the exchange; run 'tradevault run' again when it answers:"
                + " it reconciles before trading", lines[1]);
        assertFalse(err.toString().contains("test-secret"));
    }

    private OpeningDatabases opening() {
        DbSettings settings = TestLedgers.settings(env);
        return new OpeningDatabases(settings, new KeyResolver(env));
    }
}
