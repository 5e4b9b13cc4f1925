package com.tradevault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.config.ConfigProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduledBackupsTest {

    @TempDir
    Path dir;

    @Test
    void aScheduledRunTakesABackupAndPrunesOldOnes() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir, "backup.interval = 6h", "backup.retention.keep-last = 1",
                "backup.retention.keep-daily = 0", "backup.retention.keep-weekly = 0");
        Files.createDirectories(f.backup.dir());
        Files.writeString(f.backup.dir().resolve("tradevault-20260101T000000Z.tar.gpg"), "old");
        ScheduledBackups scheduled = new ScheduledBackups(f.taking(), f.backup);

        ScheduledBackups.Result result = scheduled.runOnce();

        assertEquals(Optional.of(Duration.ofHours(6)), scheduled.interval());
        assertTrue(result.ok(), result.message());
        assertTrue(result.message().endsWith(", verified); 1 old backup(s) pruned"), result.message());
        assertEquals(1, new BackupCatalog(f.backup.dir()).list().size());
    }

    @Test
    void aFailingScheduledRunNeverThrowsSoTheBotKeepsTrading() throws Exception {
        Path notADir = dir.resolve("file");
        Files.writeString(notADir, "x");
        LedgerFixture f = LedgerFixture.create(dir, "backup.dir = \"" + notADir.resolve("backups") + "\"");

        ScheduledBackups.Result result = new ScheduledBackups(f.taking(), f.backup).runOnce();

        assertFalse(result.ok());
        assertTrue(result.message().startsWith("scheduled backup failed: backup destination " + notADir.resolve("backups")
                + " is not writable"), result.message());
    }

    @Test
    void badBackupSettingsNameTheKeyTheValueAndTheRule() throws Exception {
        ConfigProblem e = org.junit.jupiter.api.Assertions.assertThrows(ConfigProblem.class, () -> LedgerFixture.create(dir,
                "backup.interval = 10s", "backup.retention.keep-last = 0"));

        assertEquals(java.util.List.of("backup.retention.keep-last = 0: must be a whole number from 1 to 10000",
                "backup.interval = 10s: must be off or a duration from 1m to 365d, such as 6h"), e.problems());
    }
}
