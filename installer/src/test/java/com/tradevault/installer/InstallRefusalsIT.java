package com.tradevault.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clear refusals of install.sh: each says what is wrong and what to do, and changes nothing. */
class InstallRefusalsIT {

    @TempDir
    Path dir;

    @Test
    void refusesToRunAsAnOrdinaryUser() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Shell.Result r = new Shell().clean().as(65534, 65534).run(Bundle.install(), "--root", dir.resolve("stage"));
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("install.sh: error: install.sh must run as root: it creates the system user tradevault and"
                + " writes to /opt, /etc and /var\nnext: run: sudo " + Bundle.install() + "\n", r.output());
        assertFalse(Files.exists(dir.resolve("stage")));
    }

    @Test
    void refusesAnUnsupportedArchitecture() throws IOException {
        Path fakeBin = Files.createDirectories(dir.resolve("bin"));
        Path uname = Files.writeString(fakeBin.resolve("uname"), "#!/bin/sh\necho aarch64\n");
        Files.setPosixFilePermissions(uname, PosixFilePermissions.fromString("rwxr-xr-x"));
        Shell.Result r = new Shell().clean().env("PATH", fakeBin + ":" + StagingRoot.SBIN_PATH)
                .run(Bundle.install(), "--root", dir.resolve("stage"));
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("install.sh: error: unsupported architecture aarch64: this bundle carries a Java runtime and an"
                + " SQLite library for x86_64 (linux-x64) only\nnext: install it on an x86_64 (amd64) server\n", r.output());
    }

    @Test
    void refusesWhenTheDiskIsTooSmall() throws IOException {
        assumeTrue(new Shell().run("unshare", "--mount", "true").exitCode() == 0, "no mount namespaces here");
        Path small = Files.createDirectories(dir.resolve("small"));
        // A 20 MB file system, mounted in a private namespace so that it vanishes with the command.
        Shell.Result r = new Shell().clean().env("PATH", StagingRoot.SBIN_PATH).run("unshare", "--mount",
                "--propagation", "private", "sh", "-c", "mount -t tmpfs -o size=20m tradevault-test \"$0\""
                        + " && \"$1\" --root \"$0\" && ls \"$0\"", small, Bundle.install());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.output().matches("install\\.sh: error: not enough disk space in " + small
                + ": 20 MB free, \\d+ MB needed\nnext: free some space \\(for example: apt-get clean;"
                + " journalctl --vacuum-size=100M\\) and run install.sh again\n"), r.toString());
    }

    @Test
    void aRunningInstanceIsStoppedBeforeTheUpgrade() throws Exception {
        StagingRoot s = new StagingRoot(dir);
        assertEquals(0, s.install().exitCode());
        Process bot = startStagedJava(s, false);
        try {
            Shell.Result r = s.install();
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.output().contains("Stopping the running tradevault instance (PID " + bot.pid() + ")\n"),
                    r.toString());
            assertTrue(bot.waitFor(5, TimeUnit.SECONDS), "stopped");
        } finally {
            bot.destroyForcibly();
        }
    }

    @Test
    void aRunningInstanceThatWillNotStopIsReportedAndNothingChanges() throws Exception {
        StagingRoot s = new StagingRoot(dir);
        assertEquals(0, s.install().exitCode());
        Process stubborn = startStagedJava(s, true);
        try {
            Shell.Result r = new Shell().clean().env("PATH", StagingRoot.SBIN_PATH).env("TRADEVAULT_STOP_TIMEOUT", "2")
                    .run(Bundle.install(), "--root", dir);
            assertEquals(1, r.exitCode(), r.toString());
            assertTrue(r.output().endsWith("install.sh: error: a running tradevault instance (PID " + stubborn.pid()
                    + ") did not stop within 2s; nothing was changed\nnext: stop it yourself (systemctl stop"
                    + " tradevault, or kill the PID) and run install.sh again\n"), r.toString());
            assertTrue(stubborn.isAlive());
        } finally {
            stubborn.destroyForcibly().waitFor();
        }
    }

    /**
     * Starts the staged bundle's own java on a tiny program that waits; a stubborn one blocks its
     * shutdown in a hook, so SIGTERM does not end it.
     */
    private Process startStagedJava(StagingRoot s, boolean stubborn) throws Exception {
        Path src = Files.writeString(dir.resolve("Waiting.java"), "public class Waiting { public static void main(String[] a)"
                + " throws Exception { if (a.length > 0) Runtime.getRuntime().addShutdownHook(new Thread(() -> {"
                + " try { Thread.sleep(600_000); } catch (InterruptedException e) { } })); System.out.println(\"ready\");"
                + " Thread.sleep(600_000); } }");
        assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "--release", "17", "-d", dir.toString(), src.toString()));
        ProcessBuilder pb = new ProcessBuilder(s.path("/opt/tradevault/current/runtime/bin/java").toString(),
                "-cp", dir.toString(), "Waiting");
        if (stubborn) {
            pb.command().add("stubborn");
        }
        Process p = pb.redirectErrorStream(true).start();
        assertEquals("ready", new String(p.getInputStream().readNBytes(5)));
        return p;
    }
}
