package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.backup.BackupSettings;
import com.tradevault.backup.ScheduledBackups;
import com.tradevault.backup.TakingBackups;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackingUpWhileRunningTest {

    @TempDir
    Path dir;

    @Test
    void withBackupIntervalTheRunningBotTakesVerifiedBackupsItself() throws Exception {
        Path conf = dir.resolve("tradevault.conf");
        Files.writeString(conf, "backup.interval = 1h\n");
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());
        CommandContext context = new CommandContext(env, Clock.systemUTC());
        CommonOptions options = new CommonOptions();
        options.config = conf;
        BackupSettings settings = context.backupSettings(options);
        ScheduledBackups backups = new ScheduledBackups(new TakingBackups(context.databases(options), settings,
                context.backupKeys(settings), Clock.systemUTC(), "test"), settings);

        try (BackingUpWhileRunning running = BackingUpWhileRunning.start(backups, Duration.ofMillis(50))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (listing(settings.dir()) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        assertEquals(1, listing(settings.dir()), "one backup in " + settings.dir());
        assertEquals(0, CliRun.of(env, "backups", "verify", firstBackup(settings.dir()).toString(), "--config",
                conf.toString()).exitCode());
    }

    @Test
    void withoutBackupIntervalNothingIsScheduled() throws Exception {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        CommandContext context = new CommandContext(env, Clock.systemUTC());
        BackupSettings settings = context.backupSettings(new CommonOptions());

        assertTrue(settings.interval().isEmpty());
        try (BackingUpWhileRunning running = BackingUpWhileRunning.start(new ScheduledBackups(null, settings))) {
            assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("tradevault-backups")
                    && t.isAlive()), "no backup thread without backup.interval");
        }
    }

    private static long listing(Path backupDir) throws Exception {
        if (!Files.isDirectory(backupDir)) {
            return 0;
        }
        try (var files = Files.list(backupDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tar.gpg")).count();
        }
    }

    private static Path firstBackup(Path backupDir) throws Exception {
        try (var files = Files.list(backupDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tar.gpg")).findFirst().orElseThrow();
        }
    }
}
