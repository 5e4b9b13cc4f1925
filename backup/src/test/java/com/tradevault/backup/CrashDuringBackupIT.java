package com.tradevault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup process killed with -9 half way leaves no backup file, the ledger intact, and the next backup cleans up. */
class CrashDuringBackupIT {

    @TempDir
    Path dir;

    @Test
    void backupKilledWhileWritingLeavesNoBackupAndTheNextOneClearsItsTempFiles() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        f.addTrades(20_000);
        var before = f.rows();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BackupOnce.class.getName(), dir.toString());
        pb.environment().putAll(f.env);
        Process backup = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();

        List<Path> seen = awaitTempFile(f.backup.dir(), backup);
        backup.destroyForcibly();
        assertTrue(backup.waitFor(30, TimeUnit.SECONDS));

        assertTrue(!seen.isEmpty(), "the backup finished before it could be killed");
        assertEquals(List.of(), BackupAndRestoreTest.listDir(f.backup.dir()).stream()
                .filter(p -> p.getFileName().toString().endsWith(".tar.gpg")).toList());
        assertEquals(before, f.rows());

        TakingBackups.Report next = f.taking().take(Optional.empty(), Progress.NONE);

        assertEquals(List.of(next.file()), BackupAndRestoreTest.listDir(f.backup.dir()));
        assertTrue(new CheckingIntegrity(f.opening, c -> List.of()).check(true).clean());
    }

    /** Polls until a temp file of the running backup appears (snapshot or partial), returns what it saw. */
    private static List<Path> awaitTempFile(Path backups, Process backup) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && backup.isAlive()) {
            if (Files.isDirectory(backups)) {
                try (Stream<Path> files = Files.list(backups)) {
                    List<Path> temps = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
                    if (!temps.isEmpty()) {
                        Thread.sleep(150);
                        return temps;
                    }
                }
            }
            Thread.sleep(5);
        }
        return List.of();
    }
}
