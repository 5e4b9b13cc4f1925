package com.tradevault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tradevault.core.Outcome;
import com.tradevault.core.Progress;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real full and read-only file systems (small tmpfs mounts; needs root, as
 * CI runs): a backup that cannot be written leaves nothing behind, and vacuum
 * refuses with the numbers when space is short.
 */
class FullDiskIT {

    @TempDir
    Path dir;

    Path mount;
    boolean mounted;

    @BeforeEach
    void needsRoot() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        mount = Files.createDirectory(dir.resolve("mnt"));
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            Processes.ok(List.of("umount", mount.toString()), Map.of(), null);
        }
    }

    @Test
    void backupOntoAFullDiskFailsCleanlyWhenTheSnapshotDoesNotFit() throws Exception {
        LedgerFixture f = ledgerWithData();
        mountTmpfs("size=" + (ledgerBytes(f) / 2 / 1024) + "k");

        TradevaultException e = assertThrows(TradevaultException.class, () -> f.taking().take(Optional.of(mount), Progress.NONE));

        assertEquals(Outcome.FAILURE, e.outcome());
        assertTrue(e.getMessage().startsWith("writing backup " + mount.resolve("tradevault-20261121T074100Z.tar.gpg")
                + " failed: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; nothing was left behind and the ledger is unchanged"), e.getMessage());
        assertEquals(List.of(), BackupAndRestoreTest.listDir(mount));
    }

    @Test
    void backupOntoAFullDiskFailsCleanlyWhenTheEncryptedFileDoesNotFit() throws Exception {
        LedgerFixture f = ledgerWithData();
        mountTmpfs("size=" + (ledgerBytes(f) * 3 / 2 / 1024) + "k");

        TradevaultException e = assertThrows(TradevaultException.class, () -> f.taking().take(Optional.of(mount), Progress.NONE));

        assertEquals(Outcome.FAILURE, e.outcome());
        assertTrue(e.getMessage().contains(" failed: the disk holding " + mount + " is full ("), e.getMessage());
        assertEquals("free space there (df -h " + mount + "; df -i " + mount + ") or choose another destination with"
                + " --dest or backup.dir", e.nextStep());
        assertEquals(List.of(), BackupAndRestoreTest.listDir(mount));
        assertEquals(5L * 2000, f.ledgerRows());
    }

    @Test
    void backupOntoAReadOnlyDiskSaysItIsNotWritable() throws Exception {
        LedgerFixture f = ledgerWithData();
        mountTmpfs("ro,size=1m");

        TradevaultException e = assertThrows(TradevaultException.class, () -> f.taking().take(Optional.of(mount), Progress.NONE));

        assertEquals(Outcome.FAILURE, e.outcome());
        assertTrue(e.getMessage().startsWith("backup destination " + mount + " is not writable (FileSystemException: "
                + mount + "/.write-probe"), e.getMessage());
        assertTrue(e.getMessage().endsWith(": Read-only file system)"), e.getMessage());
    }

    @Test
    void vacuumRefusesWithTheNumbersWhenTwiceTheLedgerDoesNotFit() throws Exception {
        mountTmpfs("size=4m");
        LedgerFixture f = LedgerFixture.create(dir, new java.util.HashMap<>(TestLedgers.env(dir, "TRADEVAULT_DB_KEY",
                TestLedgers.KEY_HEX, "TRADEVAULT_DATA_DIR", mount.toString())));
        f.addTrades(2000);
        long free = Files.getFileStore(mount).getUsableSpace();
        long size = ledgerBytes(f);
        assumeTrue(2 * size > free && size < free, "ledger " + size + " and free " + free + " do not fit the scenario");

        TradevaultException e = assertThrows(TradevaultException.class, () -> new Compacting(f.opening).vacuum(Optional.empty()));

        assertEquals(Outcome.FAILURE, e.outcome());
        assertEquals("not enough free space to vacuum: it needs " + 2 * size + " bytes in " + mount
                + " (twice the ledger's size), and " + free + " bytes are free; nothing was changed", e.getMessage());
        assertEquals("free some space there, or write a compact copy to another disk with --into FILE", e.nextStep());
    }

    private LedgerFixture ledgerWithData() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        f.addTrades(2000);
        return f;
    }

    private static long ledgerBytes(LedgerFixture f) throws Exception {
        try (var db = f.opening.openExisting()) {
            return db.dialect().sizeBytes(db);
        }
    }

    private void mountTmpfs(String options) throws Exception {
        Processes.ok(List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", mount.toString()), Map.of(), null);
        mounted = true;
    }
}
