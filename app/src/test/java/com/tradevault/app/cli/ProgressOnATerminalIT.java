package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migrate-to-postgres run as its own process, once on a terminal (a pseudo-terminal from
 * {@code script}, so that the JVM sees a console) and once with its output going to files: the
 * first shows each phase (copy with rows/s, the index builds, verify), the second prints no
 * progress at all.
 */
class ProgressOnATerminalIT {

    @TempDir
    Path dir;

    private Map<String, String> env;

    @BeforeEach
    void ledgerWithRows() throws Exception {
        env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        assertEquals(0, new Cli(env, Clock.systemUTC()).commandLine().execute("setup-db"));
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        try (Database db = opening.openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
                    + " INSERT INTO kv (key, value, updated_at) SELECT 'k' || i, 'v', '2026-11-21T07:41:00.000001Z' FROM n");
        }
    }

    @Test
    void onATerminalEachPhaseIsShown() throws Exception {
        String command = "java -XX:TieredStopAtLevel=1 com.tradevault.app.cli.Main migrate-to-postgres --target '"
                + PostgresServer.shared().newDatabase() + "'";
        Path output = dir.resolve("terminal.out");
        Process p = start(List.of("script", "-qefc", command, "/dev/null"), output, output);

        assertEquals(0, waitFor(p), () -> read(output));
        String shown = read(output);
        assertTrue(shown.contains("\rcopy              0%  0 of 5000 rows"), shown);
        assertTrue(shown.contains("\rcopy            100%  5000 of 5000 rows  "), shown);
        assertTrue(shown.contains(" rows/s"), shown);
        assertTrue(shown.contains("\rindexes, checks 0 s"), shown);
        assertTrue(shown.contains("\rverify          100%  5000 of 5000 rows  "), shown);
        assertTrue(shown.contains("Verified: 5000 rows copied and compared in "), shown);
        assertFalse(shown.contains(TestLedgers.KEY_HEX), "the key must not be shown");
    }

    @Test
    void withoutATerminalNothingButTheReportIsPrinted() throws Exception {
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process p = start(List.of("java", "-XX:TieredStopAtLevel=1", "com.tradevault.app.cli.Main",
                "migrate-to-postgres", "--target", PostgresServer.shared().newDatabase()), out, err);

        assertEquals(0, waitFor(p), () -> read(err));
        assertEquals("", read(err));
        String printed = read(out);
        assertTrue(printed.contains("Verified: 5000 rows copied and compared in "), printed);
        assertFalse(printed.contains("\r"), printed);
    }

    /** A process with the test's environment only (no inherited TRADEVAULT_* settings) and this test's classes. */
    private Process start(List<String> command, Path out, Path err) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("SHELL", "/bin/sh");
        pb.redirectOutput(out.toFile());
        if (out.equals(err)) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(err.toFile());
        }
        return pb.start();
    }

    private static int waitFor(Process p) throws InterruptedException {
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the migration did not finish in 120 s");
        }
        return p.exitValue();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
