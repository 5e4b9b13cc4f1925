package com.tradevault.app.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.app.trading.Decision;
import com.tradevault.backup.BackupCatalog;
import com.tradevault.backup.replica.ReplicaCoverage;
import com.tradevault.backup.replica.ReplicaSession;
import com.tradevault.backup.replica.ReplicaSettings;
import com.tradevault.backup.replica.ReplicaStores;
import com.tradevault.backup.replica.SftpAccess;
import com.tradevault.backup.replica.Replicating;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SettingUpDatabase;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention's bounds: the detail kept, and never a row that is not in a verified backup or the replica. */
class FoldingHistoryTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final RetentionSettings TEN_DAYS = new RetentionSettings(Duration.ofDays(10), Duration.ofDays(10),
            Optional.empty(), true);

    @TempDir
    Path dir;

    Database db;
    Ledger ledger;
    Path backups;
    OpeningDatabases opening;

    @BeforeEach
    void ledger() throws Exception {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        new SettingUpDatabase(opening, Clock.systemUTC()).run();
        db = opening.openExisting();
        ledger = JdbcLedgers.on(db);
        backups = Files.createDirectories(dir.resolve("backups"));
        // one skip a day for 30 days, then one a day up to now
        for (int day = 30; day >= 1; day--) {
            skip(NOW.minus(Duration.ofDays(day)));
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void nothingIsFoldedWithoutAVerifiedBackup() throws Exception {
        FoldingHistory.Report r = folding().run();

        assertTrue(r.backup().isEmpty());
        assertEquals(0, r.decisions().read() + r.decisions().removed() + r.audit().read() + r.packed().read());
        assertEquals(30, count("SELECT count(*) FROM trade_decisions"));
    }

    @Test
    void foldsOnlyWhatIsOlderThanTheDetailKept() throws Exception {
        backupTakenAt(NOW.minusSeconds(3600));

        FoldingHistory.Report r = folding().run();

        assertEquals(NOW.minus(Duration.ofDays(10)), r.decisions().before());
        assertEquals(20, r.decisions().read(), "the 20 skips older than 10 days");
        assertEquals(19, r.decisions().removed());
        assertEquals(9, r.packed().removed(), "the 10 newer skips but the newest, packed whole");
        assertEquals(2, count("SELECT count(*) FROM trade_decisions"), "the folded run and the newest");
        assertEquals(9, count("SELECT sum(decisions) FROM decision_packs"));
        assertEquals(30, count("SELECT (SELECT sum(folded_count) FROM trade_decisions)"
                + " + (SELECT sum(decisions) FROM decision_packs)"), "every decision still counted");
    }

    @Test
    void withDecisionPacksOffEveryDecisionNewerThanTheDetailStaysARow() throws Exception {
        backupTakenAt(NOW.minusSeconds(3600));

        FoldingHistory.Report r = new FoldingHistory(ledger, new RetentionSettings(Duration.ofDays(10),
                Duration.ofDays(10), Optional.empty(), false), new BackupCatalog(backups), Clock.fixed(NOW,
                ZoneOffset.UTC)).run();

        assertEquals(19, r.decisions().removed());
        assertEquals(0, r.packed().read() + r.packed().removed());
        assertEquals(11, count("SELECT count(*) FROM trade_decisions"));
        assertEquals(0, count("SELECT count(*) FROM decision_packs"));
    }

    @Test
    void neverFoldsRowsNewerThanTheNewestBackup() throws Exception {
        backupTakenAt(NOW.minus(Duration.ofDays(25)));
        Files.createFile(backups.resolve("not-a-backup-20261120T000000Z.tar.gpg"));

        FoldingHistory.Report r = folding().run();

        assertEquals("tradevault-20261027T120000Z.tar.gpg", r.backup().orElseThrow().file().getFileName().toString());
        assertEquals(NOW.minus(Duration.ofDays(25)).minus(FoldingHistory.BACKUP_MARGIN), r.decisions().before());
        assertEquals(5, r.decisions().read(), "the skips of days 30 to 26 only");
        assertEquals(26, count("SELECT count(*) FROM trade_decisions"));
    }

    @Test
    void withoutBackupAReplicaCaughtUpLetsFoldingGoAsFarAsTheDetailKept() throws Exception {
        ReplicaSettings replica = replicatedAt(NOW);

        FoldingHistory.Report r = folding(replica).run();

        assertTrue(r.backup().isEmpty());
        assertEquals(Optional.of(NOW), r.replicated());
        assertEquals(NOW.minus(Duration.ofDays(10)), r.decisions().before());
        assertEquals(20, r.decisions().read());
        assertEquals(9, r.packed().removed(), "the replica holds the newer ones too: packed");
        assertEquals(2, count("SELECT count(*) FROM trade_decisions"));
    }

    @Test
    void neverFoldsBeyondWhatALaggingReplicaHolds() throws Exception {
        ReplicaSettings replica = replicatedAt(NOW.minus(Duration.ofDays(25)));

        FoldingHistory.Report r = folding(replica).run();

        assertEquals(NOW.minus(Duration.ofDays(25)).minus(FoldingHistory.BACKUP_MARGIN), r.decisions().before());
        assertEquals(5, r.decisions().read(), "the skips of days 30 to 26 only");
        assertEquals(26, count("SELECT count(*) FROM trade_decisions"));
    }

    @Test
    void theLaterOfBackupAndReplicaBoundsFolding() throws Exception {
        ReplicaSettings replica = replicatedAt(NOW.minus(Duration.ofDays(25)));
        backupTakenAt(NOW.minus(Duration.ofDays(15)));

        FoldingHistory.Report r = folding(replica).run();

        assertEquals(NOW.minus(Duration.ofDays(15)).minus(FoldingHistory.BACKUP_MARGIN), r.decisions().before());
        assertEquals(15, r.decisions().read(), "the skips of days 30 to 16");
    }

    @Test
    void aReplicaWhoseSnapshotDoesNotAuthenticateBoundsNothing() throws Exception {
        ReplicaSettings replica = replicatedAt(NOW);
        try (var files = Files.walk(dir.resolve("replica"))) {
            Path snapshot = files.filter(f -> f.getFileName().toString().startsWith("snapshot-")).findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(snapshot);
            bytes[bytes.length / 2] ^= 1;
            Files.write(snapshot, bytes);
        }

        FoldingHistory.Report r = folding(replica).run();

        assertTrue(r.replicated().isEmpty());
        assertEquals(0, r.decisions().read());
        assertEquals(30, count("SELECT count(*) FROM trade_decisions"));
    }

    /** A real replicator, its clock at {@code at}, ships a generation (snapshot and position) of the ledger. */
    private ReplicaSettings replicatedAt(Instant at) {
        ReplicaSettings settings = new ReplicaSettings(Optional.of(dir.resolve("replica").toUri().toString()),
                Duration.ofHours(1), Duration.ofSeconds(10), 3, SftpAccess.NONE,
                ReplicaSettings.DEFAULT_MAX_HELD_LOG);
        try (ReplicaSession session = new Replicating(opening, settings, ReplicaStores.at(settings.url().get()),
                Clock.fixed(at, ZoneOffset.UTC)).start()) {
            return settings;
        }
    }

    private FoldingHistory folding(ReplicaSettings replica) {
        return new FoldingHistory(ledger, TEN_DAYS, new BackupCatalog(backups),
                ReplicaCoverage.verifiedPointsOf(replica, opening), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private FoldingHistory folding() {
        return new FoldingHistory(ledger, TEN_DAYS, new BackupCatalog(backups), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void backupTakenAt(Instant at) throws Exception {
        Files.writeString(new BackupCatalog(backups).newName(at), "a backup, as its name in backup.dir tells");
    }

    private void skip(Instant at) {
        ledger.transaction(s -> {
            s.insertDecision(Decision.skip("BTCUSDT", at, "no-breakout", Map.of("price", 1)));
            return null;
        });
    }

    private long count(String sql) throws Exception {
        return db.read(c -> {
            try (ResultSet r = c.createStatement().executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
