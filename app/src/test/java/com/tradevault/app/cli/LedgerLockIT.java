package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.testing.TestLedgers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerLockIT {

    @TempDir
    Path dir;

    @Test
    void secondWriterExitsFiveNamingThePidAndTheLockDiesWithItsHolder() throws Exception {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldLedgerLock.class.getName());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process holder = pb.start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream()));
            String first = lines.readLine();
            assertEquals("LOCKED " + holder.pid(), first);

            CliRun locked = CliRun.of(env, "setup-db");

            assertEquals(5, locked.exitCode());
            assertEquals("error: ledger " + dir.resolve("data/tradevault.db") + " is in use by another tradevault"
                    + " process (PID " + holder.pid() + ")\nnext: stop it first (e.g. 'systemctl stop tradevault'),"
                    + " or wait for it to finish\n", locked.err());
        } finally {
            holder.destroyForcibly();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        CliRun afterKill = CliRun.of(env, "setup-db");
        assertEquals(0, afterKill.exitCode(), afterKill.err());
    }
}
