package com.tradevault.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JVM under the parts of tradevault.service's sandbox that can be rebuilt without systemd as
 * PID 1 (see sandbox-approximation.sh): read-only system, private /tmp and /dev, no home folders,
 * the service user without capabilities, the key as a credential. The seccomp filter, the kernel
 * protections and the address-family restriction need systemd itself.
 */
class SandboxApproximationIT {

    private static final Path SCRIPT = Path.of("src/test/resources/sandbox-approximation.sh").toAbsolutePath();

    /** Not under a folder the sandbox hides behind an empty one (the build may live in /tmp or /root). */
    private final Path root = outsideHiddenFolders().resolve("sandbox-it-" + System.nanoTime());
    private StagingRoot staging;

    private static Path outsideHiddenFolders() {
        Path target = Bundle.IMAGE.getParent();
        for (String hidden : new String[] {"/tmp", "/var/tmp", "/root", "/home", "/dev"}) {
            if (target.startsWith(hidden)) {
                return Path.of("/run");
            }
        }
        return target;
    }

    @BeforeEach
    void installIntoAStagingRoot() {
        assumeTrue(new Shell().run("unshare", "--mount", "true").exitCode() == 0,
                "this host does not allow mount namespaces");
        staging = new StagingRoot(root);
        assertEquals(0, staging.install().exitCode());
    }

    @AfterEach
    void removeStagingRoot() {
        new Shell().run("rm", "-rf", root);
    }

    @Test
    void ledgerOpensAndMigratesUnderTheServiceSandbox() {
        Shell.Result setup = new Shell().run(SCRIPT, root, "setup-db");
        assertEquals(0, setup.exitCode(), setup.toString());
        assertTrue(setup.output().matches("Ledger SQLite " + staging.path("/var/lib/tradevault/tradevault.db")
                + " is up to date at v\\d+; nothing changed\n"), setup.toString());

        Shell.Result status = new Shell().run(SCRIPT, root, "status");
        assertEquals(0, status.exitCode(), status.toString());
        assertTrue(status.output().contains("encrypted:  yes (SQLCipher 4), key from systemd credential"
                + " /tmp/credentials/db-key\n"), status.toString());
    }

    @Test
    void botRunsUnderTheServiceSandbox() {
        assumeTrue(Bundle.hasCommand("run"), "'tradevault run' is not on this branch yet");
        Shell.Result run = new Shell().run(SCRIPT, root, "run", "--for", "5s");
        assertEquals(0, run.exitCode(), run.toString());
    }
}
