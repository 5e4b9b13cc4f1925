package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tradevault backup} when a disk is full (a tmpfs filled up; needs root): the backup folder's disk,
 * or the ledger's own. It exits 1 saying the disk is full and where, leaves nothing behind, no stack trace.
 */
class BackupOnAFullDiskIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T07:41:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    @Test
    void backupOntoAFullBackupDiskSaysTheDiskIsFullAndWhere() throws Exception {
        Path backups = fullTmpfs(dir.resolve("backups"), "1m", 40 * 1024);
        Path conf = dir.resolve("tradevault.conf");
        Files.writeString(conf, "backup.dir = \"" + backups + "\"\n");
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX,
                "TRADEVAULT_CONFIG", conf.toString());
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());

        CliRun run = CliRun.of(env, CLOCK, "backup");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: writing backup " + backups.resolve("tradevault-20261121T074100Z.tar.gpg") + " failed: the"
                + " disk holding " + backups + " is full (No space left on device); nothing was left behind and the"
                + " ledger is unchanged\n"
                + "next: free space there (df -h " + backups + "; df -i " + backups + ") or choose another destination"
                + " with --dest or backup.dir\n", run.err());
        assertEquals(List.of(".backup.lock", "filler"), names(backups));
    }

    @Test
    void backupWhenTheLedgersOwnDiskIsFullSaysTheDiskIsFullAndWhere() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        mount(data, "4m");
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());
        fill(data, 0);

        CliRun run = CliRun.of(env, CLOCK, "backup");

        assertEquals(1, run.exitCode(), run.err());
        Path backups = data.resolve("backups");
        assertEquals("error: locking the backup folder " + backups + " failed: the disk holding " + backups + " is"
                + " full (No space left on device); nothing was left behind and the ledger is unchanged\n"
                + "next: free space there (df -h " + backups + "; df -i " + backups + ") or choose another destination"
                + " with --dest or backup.dir\n", run.err());
    }

    /** A tmpfs of {@code size} at {@code where}, filled until {@code room} bytes are left. */
    private Path fullTmpfs(Path where, String size, long room) throws Exception {
        Files.createDirectories(where);
        mount(where, size);
        fill(where, room);
        return where;
    }

    private void mount(Path where, String size) throws Exception {
        run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", where.toString());
        mounted = where;
    }

    private static void fill(Path where, long room) throws Exception {
        Files.write(where.resolve("filler"), new byte[(int) (Files.getFileStore(where).getUsableSpace() - room)]);
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (this test needs root): " + output);
        }
    }
}
