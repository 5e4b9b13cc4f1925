package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.db.sqlite.SqliteFiles;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db encrypt} killed with SIGKILL at random moments: afterwards the ledger is either the
 * old plaintext file or the new encrypted one, never broken, and no row is lost.
 */
class EncryptCrashIT {

    private static final int ROWS = 150_000;

    @TempDir
    Path dir;

    @Test
    void killedEncryptLeavesTheOldFileOrTheNewOneWithEveryRow() throws Exception {
        Path plainConf = dir.resolve("plain.conf");
        Files.writeString(plainConf, "db.encryption = off\n");
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        Path ledger = dir.resolve("data/tradevault.db");
        Random random = new Random(42);
        int killedMidway = 0;
        for (int attempt = 0; attempt < 6; attempt++) {
            if (SqliteFiles.inspect(ledger) != SqliteFiles.FileState.PLAINTEXT) {
                if (Files.exists(dir.resolve("data"))) {
                    try (var files = Files.walk(dir.resolve("data"))) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
                assertEquals(0, CliRun.of(env, "setup-db", "--config", plainConf.toString()).exitCode());
                fill(ledger);
            }
            Process p = encryptInChildProcess(env);
            boolean finished = p.waitFor(200 + random.nextInt(1800), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor();
                killedMidway++;
            }
            assertLedgerIsWhole(env, plainConf, ledger);
        }
        assertTrue(killedMidway > 0, "at least one kill must land in the middle of the operation");
    }

    private static void fill(Path ledger) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ledger);
             PreparedStatement s = c.prepareStatement("INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < ROWS; i++) {
                s.setString(1, "key-" + i);
                s.setString(2, "value-" + i + "-".repeat(100));
                s.setString(3, "2026-11-21T07:41:00.000000Z");
                s.addBatch();
            }
            s.executeBatch();
            c.commit();
        }
    }

    private static Process encryptInChildProcess(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "db", "encrypt");
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    private static void assertLedgerIsWhole(Map<String, String> env, Path plainConf, Path ledger) throws Exception {
        boolean plaintext = SqliteFiles.inspect(ledger) == SqliteFiles.FileState.PLAINTEXT;
        Map<String, String> runEnv = new HashMap<>(env);
        CliRun status = plaintext ? CliRun.of(runEnv, "status", "--json", "--config", plainConf.toString())
                : CliRun.of(runEnv, "status", "--json");
        assertEquals(0, status.exitCode(), status.err());
        assertEquals(!plaintext, status.out().contains("\"encrypted\" : true"), status.out());
        CliRun copy = CliRun.of(runEnv, plaintext ? new String[] {"db", "decrypt", "--out", ledger + ".check",
                "--config", plainConf.toString()} : new String[] {"db", "decrypt", "--out", ledger + ".check"});
        assertEquals(0, copy.exitCode(), copy.err());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ledger + ".check");
             var s = c.createStatement(); var r = s.executeQuery("SELECT count(*) FROM kv")) {
            assertTrue(r.next());
            assertEquals(ROWS, r.getInt(1), "every row survives");
        }
        Path.of(ledger + ".check").toFile().delete();
    }
}
