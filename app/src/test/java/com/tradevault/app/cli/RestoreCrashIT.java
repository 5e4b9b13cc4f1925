package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.RowCounts;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code restore} hit by real faults at the rename that puts the restored ledger in place (strace
 * kills it with SIGKILL there, or fails the rename with EIO): a ledger is always in place, nothing
 * opens it until the restore is finished, and running the same restore again finishes it.
 */
class RestoreCrashIT {

    @TempDir
    Path dir;

    Map<String, String> env;
    Path ledger;
    Path backup;

    @BeforeEach
    void ledgerBackedUpThenChanged() throws Exception {
        env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        ledger = dir.resolve("data/tradevault.db");
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());
        addKv("in-backup");
        CliRun taken = CliRun.of(env, "backup");
        assertEquals(0, taken.exitCode(), taken.err());
        try (Stream<Path> files = Files.list(dir.resolve("data/backups"))) {
            backup = files.filter(f -> f.toString().endsWith(".tar.gpg")).findFirst().orElseThrow();
        }
        addKv("after-backup");
    }

    @Test
    void restoreKilledAtTheRenameLeavesTheOldLedgerAndIsFinishedByRunningItAgain() throws Exception {
        Child killed = restoreUnderStrace("signal=SIGKILL");

        assertEquals(137, killed.exitCode(), killed.output());
        assertTrue(killed.trace().contains("+++ killed by SIGKILL"), killed.trace());
        assertTrue(Files.size(ledger) > 0, "the old ledger is still in place");
        assertRefusedUntilFinished();

        CliRun again = CliRun.of(env, "restore", backup.toString());

        assertEquals(0, again.exitCode(), again.err());
        assertEquals(List.of("in-backup"), kvKeys(ledger));
        assertEquals(List.of("after-backup", "in-backup"), kvKeys(onlySetAside()));
        assertEquals(0, CliRun.of(env, "status").exitCode());
    }

    @Test
    void restoreWhoseRenameFailsLeavesTheOldLedgerAndIsFinishedByRunningItAgain() throws Exception {
        Child failed = restoreUnderStrace("error=EIO");

        assertEquals(1, failed.exitCode(), failed.output());
        assertTrue(failed.output().startsWith("error: restoring " + backup + " to " + ledger + " failed: "),
                failed.output());
        assertEquals(List.of("after-backup", "in-backup"), kvKeys(onlySetAside()));
        assertRefusedUntilFinished();

        assertEquals(0, CliRun.of(env, "restore", backup.toString()).exitCode());
        assertEquals(List.of("in-backup"), kvKeys(ledger));
        assertEquals(List.of("after-backup", "in-backup"), kvKeys(onlySetAside()));
    }

    private void assertRefusedUntilFinished() {
        String refusal = "error: a restore of " + backup + " into " + ledger + " was interrupted (" + ledger
                + ".restoring is still there); the ledger must not be used until it is finished\n"
                + "next: run 'tradevault restore " + backup + "' again to finish it\n";
        for (String command : new String[] {"status", "setup-db", "run"}) {
            CliRun run = CliRun.of(env, command);
            assertEquals(1, run.exitCode(), command + ": " + run.err());
            assertEquals(refusal, run.err(), command);
        }
    }

    private Path onlySetAside() throws Exception {
        try (Stream<Path> files = Files.list(ledger.getParent())) {
            List<Path> aside = files.filter(f -> f.getFileName().toString().endsWith(".before-restore")).toList();
            assertEquals(1, aside.size(), aside.toString());
            return aside.get(0);
        }
    }

    private void addKv(String key) throws Exception {
        try (Database db = opening(ledger).openExisting()) {
            db.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO kv (key, value, updated_at) VALUES ('" + key
                            + "', 'v', '2026-11-21T07:41:00.000000Z')");
                }
                return null;
            });
        }
    }

    private List<String> kvKeys(Path file) throws Exception {
        List<String> keys = new ArrayList<>();
        try (Database db = opening(file).openExisting(); Connection c = db.connect(); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT key FROM kv WHERE key IN ('in-backup', 'after-backup') ORDER BY key")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            assertTrue(RowCounts.of(c).get("kv") >= keys.size());
        }
        return keys;
    }

    private OpeningDatabases opening(Path file) {
        return new OpeningDatabases(TestLedgers.settings(env, "db.url = \"jdbc:sqlite:" + file + "\""),
                new KeyResolver(env));
    }

    /** What a child process printed and what strace saw. */
    private record Child(int exitCode, String output, String trace) {
    }

    /** {@code restore} in a child whose rename of the restored file onto the ledger gets the strace fault {@code fault}. */
    private Child restoreUnderStrace(String fault) throws Exception {
        Path trace = dir.resolve("strace.out");
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-o", trace.toString(), "-P",
                ledger.resolveSibling(".tradevault.db.restore.tmp").toString(),
                "-e", "trace=rename,renameat,renameat2", "-e", "inject=rename,renameat,renameat2:" + fault,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "restore", backup.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        return new Child(p.waitFor(), output, Files.readString(trace));
    }
}
