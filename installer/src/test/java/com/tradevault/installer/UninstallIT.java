package com.tradevault.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** uninstall.sh removes the program and keeps the ledger, key, configuration and backups unless purging. */
class UninstallIT {

    @TempDir
    Path dir;

    @Test
    void uninstallKeepsLedgerKeyConfigurationBackupsAndUser() {
        StagingRoot s = new StagingRoot(dir);
        assertEquals(0, s.install().exitCode());

        Shell.Result r = s.uninstall();

        assertEquals(0, r.exitCode(), r.toString());
        for (String gone : new String[] {"/opt/tradevault", "/etc/systemd/system/tradevault.service",
                "/etc/systemd/system/multi-user.target.wants/tradevault.service", "/usr/local/bin/tradevault",
                "/usr/share/bash-completion/completions/tradevault", "/usr/local/share/man/man1/tradevault.1"}) {
            assertFalse(s.exists(gone), gone + " should be removed");
        }
        for (String kept : new String[] {"/var/lib/tradevault/tradevault.db", "/etc/tradevault/tradevault.conf",
                "/etc/tradevault/credentials/db-key", "/etc/tradevault/credentials/backup-passphrase",
                "/var/backups/tradevault"}) {
            assertTrue(s.exists(kept), kept + " should be kept");
        }
        assertTrue(s.read("/etc/passwd").contains("\ntradevault:") || s.read("/etc/passwd").startsWith("tradevault:"));
        assertTrue(r.output().contains("Installing again picks them up; 'uninstall.sh --purge' deletes them.\n"), r.toString());
    }

    @Test
    void installingAgainAfterUninstallOpensTheKeptLedgerWithTheKeptKey() {
        StagingRoot s = new StagingRoot(dir);
        assertEquals(0, s.install().exitCode());
        String key = s.read("/etc/tradevault/credentials/db-key");
        assertEquals(0, s.uninstall().exitCode());

        Shell.Result again = s.install();

        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(key, s.read("/etc/tradevault/credentials/db-key"));
        assertTrue(again.output().matches("(?s).*is up to date at v\\d+; nothing changed\n.*"), again.toString());
    }

    @Test
    void purgeWithoutATerminalOrYesIsRefusedAndDeletesNothing() {
        StagingRoot s = new StagingRoot(dir);
        assertEquals(0, s.install().exitCode());

        Shell.Result r = s.uninstall("--purge");

        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("uninstall.sh: error: --purge deletes the ledger, the keys and every backup, and there is no"
                + " terminal to confirm it\nnext: run it from a terminal, or add --yes if you are sure\n", r.output());
        assertTrue(s.exists("/opt/tradevault/current"));
        assertTrue(s.exists("/var/lib/tradevault/tradevault.db"));
    }

    @Test
    void purgeWithYesDeletesLedgerKeysConfigurationBackupsAndUser() {
        StagingRoot s = new StagingRoot(dir);
        assertEquals(0, s.install().exitCode());

        Shell.Result r = s.uninstall("--purge", "--yes");

        assertEquals(0, r.exitCode(), r.toString());
        for (String gone : new String[] {"/opt/tradevault", "/var/lib/tradevault", "/etc/tradevault",
                "/var/backups/tradevault"}) {
            assertFalse(s.exists(gone), gone + " should be purged");
        }
        assertFalse(s.read("/etc/passwd").contains("tradevault:"), s.read("/etc/passwd"));
    }
}
