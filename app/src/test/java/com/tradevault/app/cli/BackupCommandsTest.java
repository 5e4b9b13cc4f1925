package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.sqlite.SqliteFiles;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The backup commands as an operator runs them: exact output and exit codes. */
class BackupCommandsTest {

    private static final int LATEST = com.tradevault.core.testing.TestLedgers.latestSchemaVersion();
    /** One flyway_schema_history row per migration (versions may have gaps). */
    private static final int MIGRATIONS = com.tradevault.core.testing.TestLedgers.schemaVersions().size();


    static final Instant NOW = Instant.parse("2026-11-21T07:41:00Z");

    @TempDir
    Path dir;

    Map<String, String> env;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void ledgerWithTrades() throws Exception {
        env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        assertEquals(0, run("setup-db"), err.toString());
        try (Database db = opening().openExisting()) {
            db.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO orders (id, client_order_id, symbol, side, type, purpose, quantity_e8, status,"
                            + " created_at, updated_at) VALUES (1, 'tv-1', 'BTCUSDT', 'BUY', 'MARKET', 'ENTRY', 100000000,"
                            + " 'FILLED', '2026-11-21T07:41:00.000000Z', '2026-11-21T07:41:00.000000Z')");
                    s.execute("INSERT INTO fills (exchange_fill_id, order_id, price_e8, quantity_e8, filled_at) VALUES"
                            + " ('BTCUSDT:1', 1, 4200000000000, 100000000, '2026-11-21T07:41:00.000000Z')");
                }
                return null;
            });
        }
    }

    @Test
    void backupWritesAVerifiedFileAndSaysWhereTheGeneratedPassphraseIs() throws Exception {
        assertEquals(0, run("backup"), err.toString());

        Path file = dir.resolve("data/backups/tradevault-20261121T074100Z.tar.gpg");
        Path passphrase = dir.resolve("home/.config/tradevault/backup.passphrase");
        String text = out.toString();
        assertTrue(text.startsWith("Backup written: " + file + " ("), text);
        assertTrue(text.contains("  ledger:    " + dir.resolve("data/tradevault.db") + " (SQLite, schema v" + LATEST + ", "
                + (2 + MIGRATIONS) + " rows)\n"), text);
        assertTrue(text.contains("  encrypted: OpenPGP AES-256 with MDC, passphrase from " + passphrase + "\n"), text);
        assertTrue(text.contains("  verified:  snapshot checked (integrity, row counts), then the file decrypted and"
                + " checked end to end\n"), text);
        assertTrue(text.contains("Retention (last 7, daily 14, weekly 8): deleted 0 old backup(s).\n"), text);
        assertTrue(text.endsWith("Generated the backup passphrase in " + passphrase + ". Keep a copy OFF this server"
                + " (password manager): without it these backups cannot be read.\n"), text);
        assertTrue(Files.exists(file));

        assertEquals(0, run("backups", "list"));
        assertEquals("Backups in " + dir.resolve("data/backups") + ", newest first:\n"
                + "  TAKEN (UTC)                    BYTES  FILE\n"
                + String.format("  2026-11-21T07:41:00Z  %14d  tradevault-20261121T074100Z.tar.gpg%n", Files.size(file)),
                out.toString());

        assertEquals(0, run("backups", "verify", file.toString()), err.toString());
        assertTrue(out.toString().startsWith("ok: " + file + "\n"), out.toString());
        assertTrue(out.toString().contains("  snapshot:  integrity_check ok, " + (2 + MIGRATIONS)
                + " rows as in the manifest, schema v" + LATEST + "\n"));
    }

    @Test
    void backupJsonListJsonAndPruneForScripts() throws Exception {
        assertEquals(0, run("backup", "--json"), err.toString());
        Path file = dir.resolve("data/backups/tradevault-20261121T074100Z.tar.gpg");
        assertTrue(out.toString().startsWith("{\n  \"file\" : \"" + file + "\",\n  \"bytes\" : " + Files.size(file)
                + ",\n  \"verifiedEndToEnd\" : true,\n"), out.toString());
        assertTrue(out.toString().contains("\"pruned\" : [ ]"), out.toString());
        Files.copy(file, dir.resolve("data/backups/tradevault-20261101T000000Z.tar.gpg"));

        assertEquals(0, run("backups", "list", "--json"));
        assertTrue(out.toString().startsWith("[ {\n  \"file\" : \"" + file + "\",\n  \"takenAt\" : \"2026-11-21T07:41:00Z\","),
                out.toString());

        assertEquals(0, run("backups", "prune", "--dry-run", "--config", write("keep-one.conf", "backup.retention {"
                + " keep-last = 1, keep-daily = 0, keep-weekly = 0 }")), err.toString());
        assertEquals("would delete " + dir.resolve("data/backups/tradevault-20261101T000000Z.tar.gpg") + "\n"
                + "Dry run: would keep 1 and delete 1 backup(s) in " + dir.resolve("data/backups")
                + " (keep-last 1, keep-daily 0, keep-weekly 0).\n", out.toString());
        assertEquals(2, Files.list(dir.resolve("data/backups")).filter(p -> p.toString().endsWith(".gpg")).count());
    }

    @Test
    void restoreOfATamperedBackupExitsThreeAndKeepsTheLedger() throws Exception {
        assertEquals(0, run("backup"), err.toString());
        Path file = dir.resolve("data/backups/tradevault-20261121T074100Z.tar.gpg");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 30] ^= 0x40;
        Files.write(file, bytes);

        assertEquals(3, run("restore", file.toString()));

        assertTrue(err.toString().startsWith("error: backup " + file + " is unusable: "), err.toString());
        assertTrue(err.toString().endsWith("next: use another backup ('tradevault backups list'); nothing was changed\n"));
        assertEquals(3, run("backups", "verify", file.toString()));
        assertEquals(0, run("integrity"), err.toString());
    }

    @Test
    void backupToAnUnwritableDestinationExitsOneAndSaysWhatToDo() throws Exception {
        Path notADir = Files.writeString(dir.resolve("plain-file"), "x");

        assertEquals(1, run("backup", "--dest", notADir.resolve("sub").toString()));

        assertTrue(err.toString().startsWith("error: backup destination " + notADir.resolve("sub") + " is not writable"),
                err.toString());
        assertTrue(err.toString().endsWith("next: create it and let the user running tradevault write to it, or choose"
                + " another with --dest or backup.dir\n"), err.toString());
    }

    @Test
    void restoreRefusesWhileBotIsRunning() throws Exception {
        assertEquals(0, run("backup"), err.toString());
        Path file = dir.resolve("data/backups/tradevault-20261121T074100Z.tar.gpg");
        Path ledger = dir.resolve("data/tradevault.db");

        try (InstanceLock bot = SqliteFiles.lock(ledger)) {
            assertEquals(5, run("restore", file.toString()));
        }

        assertEquals("error: ledger " + ledger + " is in use by another tradevault process (PID "
                + ProcessHandle.current().pid() + ")\nnext: stop it first (e.g. 'systemctl stop tradevault'), or wait"
                + " for it to finish\n", err.toString());
        assertEquals(0, run("restore", file.toString()), err.toString());
        assertEquals("Restored " + ledger + " from " + file + " (taken 2026-11-21T07:41:00Z, " + (2 + MIGRATIONS) + " rows verified).\n"
                + "The previous ledger is kept as " + ledger + ".20261121T074100Z.before-restore.\n", out.toString());
    }

    @Test
    void restoreWithTheWrongPassphraseIsAKeyProblem() throws Exception {
        assertEquals(0, run("backup"), err.toString());
        Path file = dir.resolve("data/backups/tradevault-20261121T074100Z.tar.gpg");
        Path passphrase = dir.resolve("home/.config/tradevault/backup.passphrase");
        Files.writeString(passphrase, "something else\n");

        assertEquals(4, run("restore", file.toString()));

        assertEquals("error: cannot open backup " + file + ": the passphrase from backup passphrase file " + passphrase
                + " does not open it\nnext: use the passphrase or private key this backup was made with"
                + " (docs/backup-restore.md)\n", err.toString());
    }

    @Test
    void integrityOfACleanLedgerGivesOneVerdictPerCheck() {
        assertEquals(0, run("integrity"), err.toString());

        assertEquals("Checking " + dir.resolve("data/tradevault.db") + "\n"
                + "  ok       integrity_check: no problems\n"
                + "  ok       foreign keys: every reference resolves\n"
                + out.toString().lines().filter(l -> l.contains("full read")).findFirst().orElse("?") + "\n"
                + "  ok       every fill belongs to an order: holds\n"
                + "  ok       no order has more filled than it asked for: holds\n"
                + "  ok       open position quantities equal their fills: holds\n"
                + "  ok       every decision pack holds the decisions its row says: holds\n"
                + "  ok       no decision is both packed and a row: holds\n", out.toString());
        assertTrue(out.toString().matches("(?s).*  ok       full read: \\d+ pages read, each one authenticated \\(HMAC\\)\n.*"));
    }

    @Test
    void integrityFindsAnOrphanFillAndExitsThreeNamingTheBackupToRestore() throws Exception {
        assertEquals(0, run("backup"), err.toString());
        try (Database db = opening().openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("INSERT INTO fills (exchange_fill_id, order_id, price_e8, quantity_e8, filled_at) VALUES"
                    + " ('BTCUSDT:2', 99, 4200000000000, 100000000, '2026-11-21T07:41:00.000000Z')");
        }

        assertEquals(3, run("integrity"));

        assertTrue(out.toString().contains("  problem  foreign keys: 1 found: fills row 2 refers to a missing row in orders\n"),
                out.toString());
        assertTrue(out.toString().contains("  problem  every fill belongs to an order: 1 found: fill BTCUSDT:2 names order"
                + " id 99, which does not exist\n"), out.toString());
        Path newest = dir.resolve("data/backups/tradevault-20261121T074100Z.tar.gpg");
        assertEquals("error: the ledger " + dir.resolve("data/tradevault.db") + " has problems (see the checks above)\n"
                + "next: stop the bot, then check and restore the newest backup: tradevault backups verify " + newest
                + " && tradevault restore " + newest + " (docs/backup-restore.md)\n", err.toString());
    }

    @Test
    void vacuumIntoWritesACompactEncryptedCopy() throws Exception {
        Path copy = dir.resolve("compact.db");

        assertEquals(0, run("vacuum", "--into", copy.toString()), err.toString());

        assertTrue(out.toString().startsWith("Wrote a compact copy to " + copy + ".\n  before: "), out.toString());
        assertEquals(SqliteFiles.FileState.OPAQUE, SqliteFiles.inspect(copy));
        assertEquals(1, run("vacuum", "--into", copy.toString()));
        assertEquals("error: " + copy + " already exists; refusing to overwrite it\nnext: choose another --into path,"
                + " or move that file away yourself\n", err.toString());
    }

    @Test
    void vacuumInPlaceRefusesWhileBotIsRunning() {
        try (InstanceLock bot = SqliteFiles.lock(dir.resolve("data/tradevault.db"))) {
            assertEquals(5, run("vacuum"));
        }
        assertEquals(0, run("vacuum"), err.toString());
        assertTrue(out.toString().startsWith("Vacuumed the ledger.\n  before: "), out.toString());
    }

    private String write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    private OpeningDatabases opening() {
        return new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = new Cli(env, Clock.fixed(NOW, ZoneOffset.UTC)).commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

}
