package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradevault.setup.db.Database;
import com.tradevault.setup.db.OpeningDatabases;
import com.tradevault.setup.key.KeyResolver;
import com.tradevault.setup.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Statement;
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
    void runForThatNeverGotPastReconciliationExitsOne() throws Exception {
        Path conf = dir.resolve("tradevault.conf");
        Files.writeString(conf, "paper.initial-base-balance = \"0\"\n");
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX,
                "TRADEVAULT_CONFIG", conf.toString());
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());
        // a position the ledger holds but the account does not: its stop can never be placed
        try (Database db = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env)).openExisting()) {
            db.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO positions (symbol, status, quantity_e8, entry_price_e8,"
                            + " highest_price_e8, trail_kind, trail_e8, opened_at, updated_at) VALUES ('BTCUSDT',"
                            + " 'OPEN', 100000000, 3000000000000, 3000000000000, 'PERCENT', 100000000,"
                            + " '2026-11-21T07:41:00.000000Z', '2026-11-21T07:41:00.000000Z')");
                }
                return null;
            });
        }

        CliRun run = CliRun.of(env, "run", "--for", "3s");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: the bot never started trading: the startup reconciliation did not complete within"
                + " --for 3s; UNPROTECTED: #1 BTCUSDT\n"
                + "next: see the reconciliation report in the log (or run 'tradevault reconcile --dry-run'), fix what"
                + " it names, then run 'tradevault run' again\n", run.err());
    }
}
