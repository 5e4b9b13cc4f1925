package com.tradevault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.backup.pgp.BackupPassphrase;
import com.tradevault.backup.pgp.OpeningKey;
import com.tradevault.core.Outcome;
import com.tradevault.core.Progress;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.sqlite.SqliteFiles;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad backup is refused with its own message and exit code, and the current ledger stays as it was. */
class BadBackupsTest {

    @TempDir
    Path dir;

    LedgerFixture f;
    Path backup;
    String ledgerBefore;

    @BeforeEach
    void ledgerWithOneBackup() throws Exception {
        f = LedgerFixture.create(dir);
        f.addTrades(10);
        backup = f.taking().take(Optional.empty(), Progress.NONE).file();
        f.addTrades(1);
        ledgerBefore = fingerprint(f.ledger());
    }

    @Test
    void truncatedBackupIsRefusedAndTheLedgerIsUntouched() throws Exception {
        Path cut = dir.resolve("tradevault-20261121T074100Z-cut.tar.gpg");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(backup), (int) Files.size(backup) - 700));

        TradevaultException e = assertThrows(TradevaultException.class, () -> restore(cut));

        assertEquals(Outcome.INTEGRITY_PROBLEM, e.outcome());
        assertEquals("backup " + cut + " is unusable: it is truncated", e.getMessage());
        assertUntouched();
    }

    @Test
    void tamperedBackupIsRefusedAndTheLedgerIsUntouched() throws Exception {
        Path bad = dir.resolve("tampered.tar.gpg");
        Files.copy(backup, bad);
        try (RandomAccessFile raf = new RandomAccessFile(bad.toFile(), "rw")) {
            raf.seek(Files.size(bad) / 2);
            int b = raf.read();
            raf.seek(Files.size(bad) / 2);
            raf.write(b ^ 0x01);
        }

        TradevaultException e = assertThrows(TradevaultException.class, () -> restore(bad));

        assertEquals(Outcome.INTEGRITY_PROBLEM, e.outcome());
        assertTrue(e.getMessage().startsWith("backup " + bad + " is unusable: "), e.getMessage());
        assertUntouched();
    }

    @Test
    void wrongPassphraseIsAKeyProblemAndTheLedgerIsUntouched() throws Exception {
        OpeningKey wrong = new BackupPassphrase("not the passphrase".toCharArray(), "test");

        TradevaultException e = assertThrows(TradevaultException.class, () -> new RestoringBackups(f.opening,
                Clock.systemUTC()).restore(backup, wrong, Optional.empty(), Progress.NONE));

        assertEquals(Outcome.KEY_PROBLEM, e.outcome());
        assertEquals("cannot open backup " + backup + ": the passphrase from test does not open it", e.getMessage());
        assertEquals("use the passphrase or private key this backup was made with (docs/backup-restore.md)", e.nextStep());
        assertUntouched();
    }

    @Test
    void somethingElseEntirelyIsNotABackup() throws Exception {
        Path junk = dir.resolve("notes.txt");
        Files.writeString(junk, "hello, this is not a backup\n".repeat(100));

        TradevaultException e = assertThrows(TradevaultException.class, () -> restore(junk));

        assertEquals(Outcome.INTEGRITY_PROBLEM, e.outcome());
        assertEquals(junk + " is not a tradevault backup (not an encrypted OpenPGP message)", e.getMessage());
        assertUntouched();
    }

    @Test
    void restoreRefusesWhileBotIsRunning() throws Exception {
        try (InstanceLock bot = SqliteFiles.lock(f.ledger())) {
            TradevaultException e = assertThrows(TradevaultException.class, () -> restore(backup));

            assertEquals(Outcome.LOCKED, e.outcome());
            assertEquals("ledger " + f.ledger() + " is in use by another tradevault process (PID "
                    + ProcessHandle.current().pid() + ")", e.getMessage());
        }
        assertUntouched();
    }

    @Test
    void backupToADestinationThatCannotBeAFolderFailsAndLeavesNothing() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        Path dest = file.resolve("backups");

        TradevaultException e = assertThrows(TradevaultException.class,
                () -> f.taking().take(Optional.of(dest), Progress.NONE));

        assertEquals(Outcome.FAILURE, e.outcome());
        assertTrue(e.getMessage().startsWith("backup destination " + dest + " is not writable (FileSystemException: "),
                e.getMessage());
        assertEquals("create it and let the user running tradevault write to it, or choose another with --dest or"
                + " backup.dir", e.nextStep());
        assertEquals(List.of(backup), BackupAndRestoreTest.listDir(f.backup.dir()));
    }

    @Test
    void aBackupFromANewerBundleIsRefusedAndTheLedgerIsUntouched() throws Exception {
        try (var db = f.opening.openExisting(); var c = db.connect(); var s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) VALUES (999, '999', 'future', 'SQL', 'V999__future.sql', 0, 'x', 0, 1)");
        }
        Path newer = f.taking(Clock.fixed(LedgerFixture.T0.plusSeconds(5), ZoneOffset.UTC)).take(Optional.empty(),
                Progress.NONE).file();
        try (var db = f.opening.openExisting(); var c = db.connect(); var s = c.createStatement()) {
            s.execute("DELETE FROM flyway_schema_history WHERE version = '999'");
        }
        ledgerBefore = fingerprint(f.ledger());

        TradevaultException e = assertThrows(TradevaultException.class, () -> restore(newer));

        assertEquals(Outcome.FAILURE, e.outcome());
        assertEquals("backup " + newer + " holds schema v999, newer than this bundle (v"
                + com.tradevault.core.testing.TestLedgers.latestSchemaVersion() + ")", e.getMessage());
        assertEquals("restore it with the tradevault version that wrote it (test)", e.nextStep());
        assertUntouched();
    }

    private void restore(Path file) {
        new RestoringBackups(f.opening, Clock.fixed(LedgerFixture.T0, ZoneOffset.UTC))
                .restore(file, f.keys.opening(Optional.empty()), Optional.empty(), Progress.NONE);
    }

    private void assertUntouched() throws Exception {
        assertEquals(ledgerBefore, fingerprint(f.ledger()));
        try (var files = Files.list(f.ledger().getParent())) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().contains("restore")).toList());
        }
        assertEquals(11L * 5, f.ledgerRows());
    }

    private static String fingerprint(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
