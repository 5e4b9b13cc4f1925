package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger whose pages are damaged (bytes flipped in the pages that hold the orders, or the file
 * cut short) is exit 3 in every command that reads it, with what is damaged and the exact restore
 * command for the newest backup; never a stack trace.
 */
class DamagedLedgerTest {

    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    Map<String, String> env;
    Path ledger;
    Path backup;

    @BeforeEach
    void ledgerWithOrdersAndABackup() throws Exception {
        env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        ledger = dir.resolve("data/tradevault.db");
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());
        addOrders(3000);
        CliRun taken = CliRun.of(env, "backup");
        assertEquals(0, taken.exitCode(), taken.err());
        try (Stream<Path> files = Files.list(dir.resolve("data/backups"))) {
            backup = files.filter(f -> f.toString().endsWith(".tar.gpg")).findFirst().orElseThrow();
        }
    }

    @Test
    void flippedPagesAreExitThreeWithTheRestoreCommandInEveryCommand() throws Exception {
        flipLastPages(Files.size(ledger) / PAGE / 2);

        for (String[] command : new String[][] {{"status"}, {"reconcile"}, {"reconcile", "--dry-run"}, {"run"},
                {"backup"}, {"integrity"}}) {
            assertDamaged(CliRun.of(env, command), String.join(" ", command));
        }
    }

    @Test
    void runChecksThePagesItIsAboutToUseBeforeItTrades() throws Exception {
        flipLastPages(Files.size(ledger) / PAGE / 2);

        CliRun run = CliRun.of(env, "run", "--for", "5s");

        assertDamaged(run, "run");
        assertTrue(run.err().startsWith("error: the ledger " + ledger + " is damaged: the quick check of positions,"
                + " orders, fills, kv before trading failed with "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void integrityUnderJsonPrintsItsReportAloneOnStdout() throws Exception {
        flipLastPages(Files.size(ledger) / PAGE / 2);

        CliRun run = CliRun.of(env, "integrity", "--json");

        assertEquals(3, run.exitCode(), run.err());
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertEquals(false, report.get("clean").asBoolean());
        assertEquals(ledger.toString(), report.get("ledger").asText());
    }

    @Test
    void aLedgerCutShortIsExitThreeWithTheRestoreCommandInEveryCommand() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(ledger.toFile(), "rw")) {
            f.setLength(f.length() / 2 / PAGE * PAGE);
        }

        for (String[] command : new String[][] {{"status"}, {"reconcile"}, {"run"}, {"backup"}, {"integrity"}}) {
            assertDamaged(CliRun.of(env, command), String.join(" ", command));
        }
    }

    private void assertDamaged(CliRun run, String command) {
        assertEquals(3, run.exitCode(), command + ": " + run.err());
        assertTrue(run.err().startsWith("error: "), command + ": " + run.err());
        assertTrue(run.err().contains(ledger.toString()), command + ": " + run.err());
        String restore = "next: stop the bot, then restore the newest backup (verified when it was taken):"
                + " 'tradevault restore " + backup + "' (docs/backup-restore.md)\n";
        String checkThenRestore = "next: stop the bot, then check and restore the newest backup: tradevault backups"
                + " verify " + backup + " && tradevault restore " + backup + " (docs/backup-restore.md)\n";
        assertTrue(run.err().endsWith(restore) || command.equals("integrity") && run.err().endsWith(checkThenRestore),
                command + ": " + run.err());
        assertTrue(!run.err().contains("\tat "), command + " printed a stack trace: " + run.err());
    }

    private void flipLastPages(long pages) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(ledger.toFile(), "rw")) {
            long count = f.length() / PAGE;
            for (long p = count - pages; p < count; p++) {
                f.seek(p * PAGE + 100);
                int b = f.read();
                f.seek(p * PAGE + 100);
                f.write(b ^ 0xff);
            }
        }
    }

    private void addOrders(int n) throws Exception {
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        try (Database db = opening.openExisting()) {
            db.transaction(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO orders (id, client_order_id, symbol, side,"
                        + " type, purpose, quantity_e8, status, created_at, updated_at) VALUES (?, ?, 'BTCUSDT', 'BUY',"
                        + " 'MARKET', 'ENTRY', 100000000, 'FILLED', '2026-11-21T07:41:00.000000Z',"
                        + " '2026-11-21T07:41:00.000000Z')")) {
                    for (int i = 1; i <= n; i++) {
                        s.setInt(1, i);
                        s.setString(2, "tv-" + i + "-" + "x".repeat(28));
                        s.executeUpdate();
                    }
                }
                return null;
            });
        }
    }
}
