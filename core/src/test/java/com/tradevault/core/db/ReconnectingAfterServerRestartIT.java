package com.tradevault.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.config.DbSettings;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer that keeps writing while the PostgreSQL server is killed and started again. */
class ReconnectingAfterServerRestartIT {

    @TempDir
    Path dir;

    @Test
    void transactionsPauseWhileServerIsDownThenContinueWithoutLosingAWrite() throws Exception {
        OpeningDatabases opening = ledgerOnPostgres();
        AtomicLong committed = new AtomicLong();
        AtomicLong longestPauseMillis = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (Database db = opening.openExisting()) {
            Thread writer = new Thread(() -> writeUntilInterrupted(db, committed, longestPauseMillis, failure));
            writer.start();
            waitFor(() -> committed.get() >= 50);
            PostgresServer.shared().stopServer();
            Thread.sleep(2_000);
            PostgresServer.shared().startAgain();
            long afterRestart = committed.get();
            waitFor(() -> committed.get() >= afterRestart + 50);
            writer.interrupt();
            writer.join(30_000);
            assertNull(failure.get(), () -> "the writer failed: " + failure.get());
            assertTrue(longestPauseMillis.get() >= 1_500, "a write waited out the outage: " + longestPauseMillis);
            assertEquals(committed.get(), rows(db), "every confirmed write is in the ledger, none twice");
        }
    }

    @Test
    void lostConnectionBeyondTheRetryWindowIsReportedAsDatabaseUnavailable() throws Exception {
        OpeningDatabases opening = ledgerOnPostgres();
        try (Database db = opening.openExisting()) {
            Database impatient = db.withRetry(new ConnectionRetry(Duration.ofMillis(50), Duration.ofMillis(200),
                    Duration.ofSeconds(1)));
            PostgresServer.shared().stopServer();
            try {
                DatabaseUnavailable e = assertThrows(DatabaseUnavailable.class,
                        () -> impatient.transaction(c -> insert(c, 1)));
                assertTrue(e.getMessage().startsWith("database " + opening.dialect().location() + " unreachable for 1s ("),
                        e.getMessage());
                assertEquals("check that the server runs and is reachable, then retry: ledger writes are idempotent,"
                        + " so running the same work again is safe", e.nextStep());
            } finally {
                PostgresServer.shared().startAgain();
            }
            assertEquals(1, (long) db.transaction(c -> insert(c, 1)), "works again once the server is back");
        }
    }

    private OpeningDatabases ledgerOnPostgres() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_URL", url);
        DbSettings settings = TestLedgers.settings(env);
        OpeningDatabases opening = new OpeningDatabases(settings, new KeyResolver(env));
        new SettingUpDatabase(opening, Clock.systemUTC()).run();
        try (Database db = opening.openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            // the harness runs with synchronous_commit=off; a crash may then drop acknowledged commits
            s.execute("ALTER DATABASE " + c.getCatalog() + " SET synchronous_commit = on");
            s.execute("CHECKPOINT");
        }
        return opening;
    }

    private static void writeUntilInterrupted(Database db, AtomicLong committed, AtomicLong longestPause,
                                              AtomicReference<Throwable> failure) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long next = committed.get() + 1;
                long started = System.nanoTime();
                db.transaction(c -> insert(c, next));
                committed.set(next);
                longestPause.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
            }
        } catch (Throwable e) {
            if (!(e.getCause() instanceof InterruptedException) && !Thread.currentThread().isInterrupted()) {
                failure.set(e);
            }
        }
    }

    /** Idempotent, as ledger writes are: running it twice after a lost commit adds one row. */
    private static long insert(Connection c, long n) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO kv (key, value, updated_at) VALUES (?, ?, now()) ON CONFLICT (key) DO NOTHING")) {
            s.setString(1, "write-" + n);
            s.setString(2, Instant.now().toString());
            s.executeUpdate();
        }
        return n;
    }

    private static long rows(Database db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM kv WHERE key LIKE 'write-%'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(20);
        }
    }
}
