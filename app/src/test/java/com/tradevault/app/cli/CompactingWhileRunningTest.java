package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.app.retention.FoldingHistory;
import com.tradevault.app.retention.RetentionSettings;
import com.tradevault.app.trading.Decision;
import com.tradevault.backup.BackupCatalog;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running bot applies retention itself every retention.interval, and not at all when it is off. */
class CompactingWhileRunningTest {

    static final RetentionSettings DETAIL_1D = new RetentionSettings(Duration.ofDays(1), Duration.ofDays(1),
            Optional.of(Duration.ofHours(1)), true);

    @TempDir
    Path dir;

    @Test
    void withAnIntervalTheRunningBotFoldsOldRunsItself() throws Exception {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());
        try (Database db = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env)).openExisting()) {
            Ledger ledger = JdbcLedgers.on(db);
            Instant old = Instant.now().minus(Duration.ofDays(3));
            for (int i = 0; i < 5; i++) {
                Instant at = old.plusSeconds(i);
                ledger.transaction(s -> {
                    s.insertDecision(Decision.skip("BTCUSDT", at, "no-breakout", Map.of()));
                    return null;
                });
            }
            assertEquals(0, CliRun.of(env, "backup").exitCode());
            FoldingHistory folding = new FoldingHistory(ledger, DETAIL_1D,
                    new BackupCatalog(dir.resolve("data/backups")), Clock.systemUTC());

            try (CompactingWhileRunning running = CompactingWhileRunning.start(folding, Duration.ofMillis(50),
                    DETAIL_1D.interval().orElseThrow())) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (rows(db) == 5 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }

            assertEquals(2, rows(db), "the run of four folded into its first row; the newest row stays");
        }
    }

    @Test
    void withoutAnIntervalNothingIsScheduled() throws Exception {
        try (CompactingWhileRunning running = CompactingWhileRunning.start(null, Optional.empty())) {
            assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName()
                    .equals("tradevault-retention") && t.isAlive()), "no retention thread with retention.interval off");
        }
    }

    @Test
    void withNothingToBoundRetentionItWarnsOnceADayNotEveryCompaction() {
        CompactingWhileRunning.Unbounded unbounded = new CompactingWhileRunning.Unbounded();
        Instant t = Instant.parse("2026-12-07T00:00:00Z");
        FoldingHistory.Tally none = new FoldingHistory.Tally(Instant.MIN, 0, 0);
        FoldingHistory.Report unboundedRun = new FoldingHistory.Report(Optional.empty(), Optional.empty(), none, none,
                none, Duration.ZERO);
        FoldingHistory.Report replicated = new FoldingHistory.Report(Optional.empty(), Optional.of(t), none, none,
                none, Duration.ZERO);

        assertEquals(Optional.of(CompactingWhileRunning.Unbounded.WARNING), unbounded.warning(unboundedRun, t));
        assertEquals(Optional.empty(), unbounded.warning(unboundedRun, t.plus(Duration.ofHours(23))), "hourly: quiet");
        assertEquals(Optional.of(CompactingWhileRunning.Unbounded.WARNING),
                unbounded.warning(unboundedRun, t.plus(Duration.ofHours(24))), "a day later: again");
        assertEquals(Optional.empty(), unbounded.warning(replicated, t.plus(Duration.ofHours(25))),
                "a usable replica bounds retention: no warning, though there is no backup");
        assertEquals(Optional.of(CompactingWhileRunning.Unbounded.WARNING),
                unbounded.warning(unboundedRun, t.plus(Duration.ofHours(26))), "unbounded again: said at once");
        assertEquals("retention: nothing folded or packed, there is no verified backup in backup.dir and no usable"
                + " replica (take a backup: 'tradevault backup'); said again once a day while it lasts",
                CompactingWhileRunning.Unbounded.WARNING);
    }

    private static long rows(Database db) throws Exception {
        return db.read(c -> {
            try (ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM trade_decisions")) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
