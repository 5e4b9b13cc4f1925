package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages that send the operator the right way: key sources, JSON errors, a run that never traded. */
class OperatorMessagesTest {

    @TempDir
    Path dir;

    @Test
    void aKeyFileThatIsADirectorySaysSo() throws Exception {
        Path keyDir = Files.createDirectories(dir.resolve("keys"));

        CliRun run = CliRun.of(TestLedgers.env(dir, "TRADEVAULT_DB_KEY_FILE", keyDir.toString()), "setup-db");

        assertEquals(4, run.exitCode(), run.err());
        assertEquals("error: key file " + keyDir + " is a directory, not a file holding the key\n"
                + "next: point the key source at the key file itself, e.g. " + keyDir.resolve("db.key") + "\n",
                run.err());
    }

    @Test
    void sixtyThreeHexDigitsAreNotSilentlyAPassphrase() {
        String short63 = TestLedgers.KEY_HEX.substring(1);

        CliRun run = CliRun.of(TestLedgers.env(dir, "TRADEVAULT_DB_KEY", short63), "setup-db");

        assertEquals(4, run.exitCode(), run.err());
        assertEquals("error: environment variable TRADEVAULT_DB_KEY holds 63 hex digits: it looks like a raw key, but"
                + " a raw key has exactly 64, so it would be taken as a passphrase and open nothing\n"
                + "next: put the whole key back from your safe copy (64 hex digits), or use a passphrase that is not"
                + " all hex digits\n", run.err());
    }

    @Test
    void configCheckSaysWhichOfTwoDifferentKeysIsUsedAndThatTheOtherIsIgnored() throws Exception {
        Path keyFile = dir.resolve("db.key");
        Files.writeString(keyFile, TestLedgers.KEY_HEX + "\n");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY_FILE", keyFile.toString(),
                "TRADEVAULT_DB_KEY", "another passphrase entirely");

        CliRun run = CliRun.of(env, "config", "check");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("configuration OK\n"
                + "  ledger:     SQLite " + dir.resolve("data/tradevault.db") + "\n"
                + "  encryption: on, key from key file " + keyFile + "\n"
                + "  warning:    environment variable TRADEVAULT_DB_KEY is also set, with a different key; it is"
                + " ignored (key file " + keyFile + " comes first)\n"
                + "  stops:      BTCUSDT STOP_LOSS_LIMIT\n"
                + "  dashboard:  http://127.0.0.1:8780/ ('tradevault dashboard' prints it with its token)\n"
                + "  alerts:     no channel configured (see docs/alerts.md)\n", run.out());
    }

    @Test
    void aFailureUnderJsonPrintsAnErrorObjectOnStdout() {
        CliRun run = CliRun.of(TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX), "status", "--json");

        Path ledger = dir.resolve("data/tradevault.db");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("{\n"
                + "  \"error\" : {\n"
                + "    \"code\" : 1,\n"
                + "    \"outcome\" : \"failure\",\n"
                + "    \"message\" : \"no ledger at " + ledger + "\",\n"
                + "    \"next\" : \"run 'tradevault setup-db' to create it, or point data-dir / TRADEVAULT_DATA_DIR at"
                + " the right folder\"\n"
                + "  }\n"
                + "}\n", run.out());
        assertEquals("error: no ledger at " + ledger + "\nnext: run 'tradevault setup-db' to create it, or point"
                + " data-dir / TRADEVAULT_DATA_DIR at the right folder\n", run.err());
    }

    @Test
    void everyCommandThatTakesJsonPrintsItsFailureAsAJsonErrorObject() throws Exception {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX,
                "TRADEVAULT_EXCHANGE_URL", "http://127.0.0.1:1");
        String[][] commands = {{"status", "--json"}, {"reconcile", "--json"}, {"backup", "--json"},
                {"integrity", "--json"}, {"exchange", "check", "--json"},
                {"paper-exchange", "dump", "--json", "--url", "http://127.0.0.1:1"}};

        for (String[] command : commands) {
            CliRun run = CliRun.of(env, command);

            String name = String.join(" ", command);
            assertTrue(run.exitCode() != 0, name);
            var error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get("error");
            assertEquals(run.exitCode(), error.get("code").asInt(), name + ": " + run.out());
            String[] lines = run.err().split("\n");
            assertEquals(lines[0], "error: " + error.get("message").asText(), name);
            assertEquals(lines[1], "next: " + error.get("next").asText(), name);
        }
    }

    @Test
    void runForThatNeverGotPastReconciliationExitsOne() throws Exception {
        // a position the ledger holds but the account does not, its stop below the price: every placement is
        // refused for want of coins, a refusal that may pass, so the startup reconciliation never settles
        Map<String, String> env = ledgerWithAPositionTheAccountDoesNotHold("20000");

        CliRun run = CliRun.of(env, "run", "--for", "3s");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: the bot never started trading: the startup reconciliation did not complete within"
                + " --for 3s; UNPROTECTED: #1 BTCUSDT\n"
                + "next: see the reconciliation report in the log (or run 'tradevault reconcile --dry-run'), fix what"
                + " it names, then run 'tradevault run' again\n", run.err());
    }

    @Test
    void aMarketExitTheExchangeRefusesIsSentOnceAndThePositionLeftOpenAndReported() throws Exception {
        // the same position with the price far below its stop: the exit at market is refused (no coins), for good
        Map<String, String> env = ledgerWithAPositionTheAccountDoesNotHold("40000");

        CliRun run = CliRun.of(env, "run", "--for", "4s");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("open positions: 1 (0 protected by a stop the exchange acknowledged;"
                + " UNPROTECTED: #1 BTCUSDT)"), run.out());
        assertEquals(List.of("EXIT REJECTED"), ordersOf(env));
    }

    /** Sets up a ledger whose position #1 (1 BTC, highest price {@code highest}, 1 % trail) the paper account lacks. */
    private Map<String, String> ledgerWithAPositionTheAccountDoesNotHold(String highest) throws Exception {
        Path conf = dir.resolve("tradevault.conf");
        Files.writeString(conf, "paper.initial-base-balance = \"0\"\npaper.feed.volatility = \"0\"\n"
                + "paper.feed.drift = \"0\"\n");
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX,
                "TRADEVAULT_CONFIG", conf.toString());
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());
        String e8 = new java.math.BigDecimal(highest).movePointRight(8).toPlainString();
        try (Database db = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env)).openExisting()) {
            db.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO positions (symbol, status, quantity_e8, entry_price_e8,"
                            + " highest_price_e8, trail_kind, trail_e8, opened_at, updated_at) VALUES ('BTCUSDT',"
                            + " 'OPEN', 100000000, " + e8 + ", " + e8 + ", 'PERCENT', 100000000,"
                            + " '2026-11-21T07:41:00.000000Z', '2026-11-21T07:41:00.000000Z')");
                }
                return null;
            });
        }
        return env;
    }

    /** Purpose and state of every order in the ledger, oldest first. */
    private static List<String> ordersOf(Map<String, String> env) throws Exception {
        List<String> orders = new java.util.ArrayList<>();
        try (Database db = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env)).openExisting();
             var c = db.connect(); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT purpose, status FROM orders ORDER BY id")) {
            while (rows.next()) {
                orders.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        return orders;
    }
}
