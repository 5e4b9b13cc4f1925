package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'config check' and 'dashboard --listen' refuse an address the dashboard must not listen on, with the rule. */
class DashboardSettingsTest {

    private static final String NEXT = "next: fix these settings (see docs/configuration.md), then run 'tradevault"
            + " config check'\n";

    @TempDir
    Path dir;

    @Test
    void configCheckRefusesANonLoopbackAddressWithoutAllowRemote() throws Exception {
        CliRun run = check("dashboard.listen = \"0.0.0.0:8780\"\n");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: invalid configuration:\n  dashboard.listen = 0.0.0.0:8780: is not a loopback address:"
                + " reach the dashboard through an SSH tunnel (docs/dashboard.md), or set dashboard.allow-remote = on"
                + " and configure TLS (dashboard.tls.keystore-file)\n" + NEXT, run.err());
    }

    @Test
    void allowRemoteWithoutTlsIsRefused() throws Exception {
        CliRun run = check("dashboard { listen = \"0.0.0.0:8780\", allow-remote = on }\n");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: invalid configuration:\n  dashboard.listen = 0.0.0.0:8780: is not a loopback address,"
                + " and dashboard.allow-remote = on needs TLS: set dashboard.tls.keystore-file (PKCS#12) and"
                + " dashboard.tls.password-file\n" + NEXT, run.err());
    }

    @Test
    void aListenAddressWithoutPortAndAMissingKeystoreAreBothListed() throws Exception {
        CliRun run = check("dashboard { listen = \"localhost\", tls.keystore-file = \"" + dir.resolve("nope.p12")
                + "\", tls.password-file = \"" + dir.resolve("nope.pass") + "\" }\n");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: invalid configuration:\n"
                + "  dashboard.tls.keystore-file = " + dir.resolve("nope.p12") + ": no readable file at "
                + dir.resolve("nope.p12") + ": create it or give the user running tradevault read access\n"
                + "  dashboard.tls.password-file = " + dir.resolve("nope.pass") + ": no readable file at "
                + dir.resolve("nope.pass") + ": create it or give the user running tradevault read access\n"
                + "  dashboard.listen = localhost: must be HOST:PORT with a port from 1 to 65535 (0: any free port),"
                + " such as 127.0.0.1:8780\n" + NEXT, run.err());
    }

    @Test
    void configCheckNamesTheDashboardAddress() throws Exception {
        CliRun run = check("");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  dashboard:  http://127.0.0.1:8780/ ('tradevault dashboard' prints it with"
                + " its token)\n"), run.out());
    }

    @Test
    void dashboardListenOnAPublicAddressIsBadUsage() {
        CliRun run = CliRun.of(TestLedgers.env(dir), "dashboard", "--listen", "0.0.0.0:9000");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: --listen 0.0.0.0:9000: is not a loopback address: reach the dashboard through an SSH"
                + " tunnel (docs/dashboard.md), or set dashboard.allow-remote = on and configure TLS"
                + " (dashboard.tls.keystore-file)\nnext: use a loopback address such as 127.0.0.1:8780 and an SSH"
                + " tunnel (docs/dashboard.md)\n", run.err());
    }

    private CliRun check(String config) throws Exception {
        Path file = dir.resolve("tradevault.conf");
        Files.writeString(file, config);
        return CliRun.of(TestLedgers.env(dir), "config", "check", "--config", file.toString());
    }
}
