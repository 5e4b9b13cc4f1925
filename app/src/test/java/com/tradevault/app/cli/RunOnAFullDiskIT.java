package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} on a full disk (the data directory on a tmpfs filled up; needs root), at start or
 * while it trades: it stops with exit 1 saying the disk is full and where, no stack trace.
 */
class RunOnAFullDiskIT {

    @TempDir
    Path dir;

    @Test
    void runOnAFullDiskSaysTheDiskIsFullAndWhere() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", data.toString());
        try {
            Path conf = dir.resolve("tradevault.conf");
            Files.writeString(conf, "paper.state-file = \"" + dir.resolve("paper-exchange.db") + "\"\n");
            Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX,
                    "TRADEVAULT_CONFIG", conf.toString());
            assertEquals(0, CliRun.of(env, "setup-db").exitCode());
            Files.write(data.resolve("filler"), new byte[(int) Files.getFileStore(data).getUsableSpace()]);

            CliRun run = CliRun.of(env, "run", "--for", "30s");

            Path ledger = data.resolve("tradevault.db");
            assertEquals(1, run.exitCode(), run.err());
            assertEquals("error: opening the ledger failed on " + ledger + ": the disk holding " + data + " is full"
                    + " (SQLITE_IOERR_SHMSIZE)\n"
                    + "next: free space there (df -h " + data + "; df -i " + data + "), then run the command again\n",
                    run.err());
        } finally {
            run("umount", data.toString());
        }
    }

    @Test
    void runWhoseDiskFillsUpWhileTradingSaysTheDiskIsFullAndWhere() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", data.toString());
        try {
            Path conf = dir.resolve("tradevault.conf");
            Files.writeString(conf, "paper.state-file = \"" + dir.resolve("paper-exchange.db") + "\"\n"
                    + "bot.scan-interval = 100ms\n");
            Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX,
                    "TRADEVAULT_CONFIG", conf.toString());
            assertEquals(0, CliRun.of(env, "setup-db").exitCode());
            // room for the shared memory and a few dozen commits in the WAL, then the disk is full
            Files.write(data.resolve("filler"), new byte[(int) Files.getFileStore(data).getUsableSpace() - 160 * 1024]);

            CliRun run = CliRun.of(env, "run", "--for", "60s");

            Path ledger = data.resolve("tradevault.db");
            assertEquals(1, run.exitCode(), run.err());
            assertEquals("error: trading failed on " + ledger + ": the disk holding " + data + " is full (SQLITE_FULL)\n"
                    + "next: free space there (df -h " + data + "; df -i " + data + "), then run the command again\n",
                    run.err());
        } finally {
            run("umount", data.toString());
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
