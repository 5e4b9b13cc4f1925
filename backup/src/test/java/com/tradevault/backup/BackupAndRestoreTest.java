package com.tradevault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.Progress;
import com.tradevault.core.db.sqlite.SqliteFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupAndRestoreTest {

    @TempDir
    Path dir;

    @Test
    void backupThenRestoreGivesTheSameRowsAndSetsTheCurrentLedgerAside() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        f.addTrades(25);
        var before = f.rows();

        TakingBackups.Report report = f.taking().take(Optional.empty(), Progress.NONE);

        assertEquals(f.backup.dir().resolve("tradevault-20261121T074100Z.tar.gpg"), report.file());
        assertTrue(report.verifiedEndToEnd());
        assertEquals(Map.ofEntries(Map.entry("alert_outbox", 0L), Map.entry("audit_log", 25L), Map.entry("decision_packs", 0L), Map.entry("dust", 0L), Map.entry("equity_snapshots", 0L),
                Map.entry("fills", 25L), Map.entry("flyway_schema_history",
                        (long) com.tradevault.core.testing.TestLedgers.schemaVersions().size()), Map.entry("kv", 0L),
                Map.entry("orders", 25L), Map.entry("positions", 25L), Map.entry("state_snapshots", 0L),
                Map.entry("trade_decisions", 25L)), report.manifest().rowCounts());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(report.file())));
        assertEquals(List.of(report.file()), listDir(f.backup.dir()));

        f.addTrades(5);
        var restore = new RestoringBackups(f.opening, java.time.Clock.fixed(LedgerFixture.T0.plusSeconds(60),
                java.time.ZoneOffset.UTC)).restore(report.file(), f.keys.opening(Optional.empty()), Optional.empty(),
                Progress.NONE);

        assertEquals(before, f.rows());
        Path aside = f.ledger().resolveSibling("tradevault.db.20261121T074200Z.before-restore");
        assertEquals(Optional.of(aside), restore.setAside());
        assertTrue(Files.exists(aside));
        assertEquals(SqliteFiles.FileState.OPAQUE, SqliteFiles.inspect(f.ledger()));
        var settings = f.db.withUrl("jdbc:sqlite:" + aside);
        try (var db = com.tradevault.core.db.Dialect.forUrl(settings.url().reveal()).open(settings, f.opening.key(), false);
             var c = db.connect()) {
            assertEquals(30, LedgerFixture.rows(c).get("orders").size(), "the set-aside ledger keeps every trade");
        }
    }

    @Test
    void theSnapshotOfAnEncryptedLedgerNeverTouchesDiskAsPlaintext() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        f.addTrades(3);
        Path snapshot = dir.resolve("snap.db");
        try (var db = f.opening.openExisting()) {
            db.dialect().maintenance().writeSnapshot(db, f.db, f.opening.key(), snapshot).check().run();
        }
        assertEquals(SqliteFiles.FileState.OPAQUE, SqliteFiles.inspect(snapshot));
        assertFalse(new String(Files.readAllBytes(snapshot), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("tv-1"));
    }

    @Test
    void theSnapshotHoldsCommitsStillOnlyInTheWriteAheadLogAndLeavesNoLogBehind() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        f.addTrades(2);
        Path snapshot = dir.resolve("snap.db");
        Path wal = f.ledger().resolveSibling("tradevault.db-wal");
        try (var db = f.opening.openExisting(); var writer = db.connect()) {
            try (var s = writer.createStatement()) {
                s.execute("PRAGMA wal_autocheckpoint = 0");
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            for (long id = 3; id <= 40; id++) {
                LedgerFixture.addTrade(writer, id);
            }
            long walBytes = Files.size(wal);
            assertTrue(walBytes > 38 * 4096, "the 38 new trades are in the log only: " + walBytes + " bytes");

            var written = db.dialect().maintenance().writeSnapshot(db, f.db, f.opening.key(), snapshot);
            written.check().run();

            assertEquals(40L, written.rowCounts().get("orders"));
            assertEquals(walBytes, Files.size(wal), "the ledger's own log is left as it was");
        }
        assertFalse(Files.exists(dir.resolve("snap.db-wal")));
        var settings = f.db.withUrl("jdbc:sqlite:" + snapshot);
        try (var db = com.tradevault.core.db.Dialect.forUrl(settings.url().reveal()).open(settings, f.opening.key(), false);
             var c = db.connect()) {
            assertEquals(f.rows(), LedgerFixture.rows(c));
        }
    }

    @Test
    void aLedgerThatFailsTheIntegrityCheckGetsNoBackupAndNothingIsLeftBehind() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        f.addTrades(30);
        try (var db = f.opening.openExisting(); var c = db.connect(); var s = c.createStatement()) {
            s.execute("CREATE INDEX orders_by_symbol ON orders (symbol)");
            s.execute("PRAGMA writable_schema = ON");
            // the index now claims to hold another column than the one its entries were built from
            s.execute("UPDATE sqlite_schema SET sql = 'CREATE INDEX orders_by_symbol ON orders (side)'"
                    + " WHERE name = 'orders_by_symbol'");
        }

        var e = org.junit.jupiter.api.Assertions.assertThrows(com.tradevault.core.TradevaultException.class,
                () -> f.taking().take(Optional.empty(), Progress.NONE));

        assertEquals(com.tradevault.core.Outcome.INTEGRITY_PROBLEM, e.outcome());
        assertTrue(e.getMessage().contains("failed its integrity check (row 1 missing from index orders_by_symbol"),
                e.getMessage());
        assertEquals(List.of(), listDir(f.backup.dir()), "no backup, no temp file");
    }

    /** The files in {@code d}, leaving out the backup lock file that stays by design. */
    @Test
    void aSecondBackupIntoTheSameFolderWaitsItsTurnAndLeftoversOfACrashAreCleared() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        Files.createDirectories(f.backup.dir());
        Path leftover = f.backup.dir().resolve(".tradevault-20261120T000000Z.tar.gpg.partial.tmp");
        Files.writeString(leftover, "half a backup from before a crash");
        Path notOurs = Files.writeString(f.backup.dir().resolve(".my-own.tmp"), "keep");

        try (BackupLock running = BackupLock.acquire(f.backup.dir())) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(BackupProblem.class,
                    () -> f.taking().take(Optional.empty(), Progress.NONE));
            assertEquals(com.tradevault.core.Outcome.LOCKED, e.outcome());
            assertEquals("another backup into " + f.backup.dir() + " is running (PID " + ProcessHandle.current().pid()
                    + ")", e.getMessage());
        }
        f.taking().take(Optional.empty(), Progress.NONE);

        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(notOurs));
    }

    static List<Path> listDir(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> !p.getFileName().toString().equals(".backup.lock")).sorted().toList();
        }
    }
}
