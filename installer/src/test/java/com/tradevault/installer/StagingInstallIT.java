package com.tradevault.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** install.sh into a staging root: every file, owner and mode; re-runs and upgrades. */
class StagingInstallIT {

    @TempDir
    Path dir;

    @Test
    void freshInstallCreatesEveryFileWithItsOwnerAndMode() throws IOException {
        StagingRoot s = new StagingRoot(dir);
        Shell.Result r = s.install();
        assertEquals(0, r.exitCode(), r.toString());
        int[] user = s.serviceUser();
        int uid = user[0];
        int gid = user[1];
        assertTrue(s.read("/etc/passwd").contains("tradevault:x:" + uid + ":" + gid
                + ":tradevault trading bot:/var/lib/tradevault:/usr/sbin/nologin\n"), s.read("/etc/passwd"));
        assertTrue(uid < 1000, "a system user: " + uid);

        String v = "/opt/tradevault/" + Bundle.VERSION;
        s.assertEntry("/opt/tradevault", "rwxr-xr-x", 0, 0);
        s.assertEntry(v, "rwxr-xr-x", 0, 0);
        s.assertLink("/opt/tradevault/current", Bundle.VERSION);
        s.assertEntry(v + "/bin/tradevault", "rwxr-xr-x", 0, 0);
        s.assertEntry(v + "/runtime/bin/java", "rwxr-xr-x", 0, 0);
        s.assertEntry(v + "/lib/tradevault.jar", "rw-r--r--", 0, 0);
        s.assertEntry(v + "/lib/tradevault.jsa", "rw-r--r--", 0, 0);
        s.assertEntry(v + "/uninstall.sh", "rwxr-xr-x", 0, 0);

        s.assertEntry("/etc/tradevault", "rwxr-xr-x", 0, 0);
        s.assertEntry("/etc/tradevault/tradevault.conf", "rw-r-----", 0, gid);
        s.assertEntry("/etc/tradevault/credentials", "rwx------", 0, 0);
        s.assertEntry("/etc/tradevault/credentials/db-key", "r--------", 0, 0);
        s.assertEntry("/etc/tradevault/credentials/backup-passphrase", "r--------", 0, 0);
        assertTrue(s.read("/etc/tradevault/credentials/db-key").matches("[0-9a-f]{64}\n"), "a raw 64-hex key");
        assertTrue(s.read("/etc/tradevault/tradevault.conf").contains("data-dir = \"/var/lib/tradevault\""));

        s.assertEntry("/var/lib/tradevault", "rwx------", uid, gid);
        s.assertEntry("/var/backups/tradevault", "rwx------", uid, gid);
        s.assertEntry("/var/lib/tradevault/tradevault.db", "rw-------", uid, gid);

        s.assertEntry("/etc/systemd/system/tradevault.service", "rw-r--r--", 0, 0);
        s.assertLink("/etc/systemd/system/multi-user.target.wants/tradevault.service",
                "/etc/systemd/system/tradevault.service");
        assertEquals(Bundle.hasCommand("backup"), s.exists("/etc/systemd/system/tradevault-backup.timer"));
        if (Bundle.hasCommand("backup")) {
            s.assertEntry("/etc/systemd/system/tradevault-backup.service", "rw-r--r--", 0, 0);
            s.assertLink("/etc/systemd/system/timers.target.wants/tradevault-backup.timer",
                    "/etc/systemd/system/tradevault-backup.timer");
        }
        s.assertEntry("/etc/systemd/system/tradevault-dashboard.service", "rw-r--r--", 0, 0);
        assertFalse(Files.exists(s.path("/etc/systemd/system/multi-user.target.wants/tradevault-dashboard.service"),
                LinkOption.NOFOLLOW_LINKS), "the dashboard is disabled unless --with-dashboard");
        s.assertEntry("/etc/systemd/system/tradevault-replicate.service", "rw-r--r--", 0, 0);
        assertFalse(Files.exists(s.path("/etc/systemd/system/multi-user.target.wants/tradevault-replicate.service"),
                LinkOption.NOFOLLOW_LINKS), "the replicator is disabled unless replica.url is set");
        s.assertLink("/usr/local/bin/tradevault", "/opt/tradevault/current/bin/tradevault");
        s.assertLink("/usr/share/bash-completion/completions/tradevault",
                "/opt/tradevault/current/share/bash-completion/completions/tradevault");
        s.assertLink("/usr/local/share/man/man1/tradevault.1", "/opt/tradevault/current/share/man/man1/tradevault.1");

        assertInstalledLauncherUsesItsCdsArchive(s);
        assertTrue(r.output().contains("Migrated ledger SQLite " + s.path("/var/lib/tradevault/tradevault.db")
                + " from v0 to v"), r.toString());
        assertTrue(r.output().contains("A new database key was created in " + s.path("/etc/tradevault/credentials/db-key")
                + ".\n"), r.toString());
        assertTrue(r.output().contains("without the key the database and every backup of it are useless,"
                + " and nobody can recover them.\n"), r.toString());
    }

    @Test
    void rerunIsAnUpgradeThatKeepsKeyConfigurationAndLedger() throws IOException {
        StagingRoot s = new StagingRoot(dir);
        assertEquals(0, s.install().exitCode());
        String key = s.read("/etc/tradevault/credentials/db-key");
        String passphrase = s.read("/etc/tradevault/credentials/backup-passphrase");
        Files.writeString(s.path("/etc/tradevault/tradevault.conf"), "# my own note\n",
                java.nio.file.StandardOpenOption.APPEND);
        String conf = s.read("/etc/tradevault/tradevault.conf");

        Shell.Result again = s.install();

        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.output().startsWith("Installing tradevault " + Bundle.VERSION + " into " + dir
                + " (upgrading from " + Bundle.VERSION + ")\n"), again.toString());
        assertTrue(again.output().matches("(?s).*\nLedger SQLite " + s.path("/var/lib/tradevault/tradevault.db")
                + " is up to date at v\\d+; nothing changed\n.*"), again.toString());
        assertTrue(again.output().contains("The database key is in " + s.path("/etc/tradevault/credentials/db-key")
                + " (kept).\n"), again.toString());
        assertEquals(key, s.read("/etc/tradevault/credentials/db-key"));
        assertEquals(passphrase, s.read("/etc/tradevault/credentials/backup-passphrase"));
        assertEquals(conf, s.read("/etc/tradevault/tradevault.conf"));
        s.assertEntry("/etc/tradevault/tradevault.conf", "rw-r-----", 0, s.serviceUser()[1]);
        s.assertLink("/opt/tradevault/current", Bundle.VERSION);
    }

    @Test
    void upgradeKeepsThePreviousVersionForRollbackAndRemovesOlderOnes() throws IOException {
        StagingRoot s = new StagingRoot(dir);
        assertEquals(0, s.install().exitCode());
        pretendInstalled(s, "0.0.9");
        Files.createDirectories(s.path("/opt/tradevault/0.0.8/bin"));
        Files.copy(s.path("/opt/tradevault/0.0.9/bin/tradevault"), s.path("/opt/tradevault/0.0.8/bin/tradevault"));

        Shell.Result r = s.install();

        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.output().contains("(upgrading from 0.0.9)"), r.toString());
        assertTrue(r.output().contains("Removed the old version 0.0.8\n"), r.toString());
        s.assertLink("/opt/tradevault/current", Bundle.VERSION);
        assertTrue(s.exists("/opt/tradevault/0.0.9/bin/tradevault"), "the previous version stays for rollback");
        assertFalse(s.exists("/opt/tradevault/0.0.8"));
    }

    @Test
    void newerInstalledVersionIsRefusedUnlessDowngradeIsAllowed() throws IOException {
        StagingRoot s = new StagingRoot(dir);
        assertEquals(0, s.install().exitCode());
        pretendInstalled(s, "99.0.0");

        Shell.Result refused = s.install();

        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.output().endsWith("install.sh: error: tradevault 99.0.0 is installed, which is newer than"
                + " this bundle (" + Bundle.VERSION + "); a downgrade is refused because the ledger may already use a"
                + " newer schema\nnext: to go back, follow 'Rollback' in docs/install.md; to install " + Bundle.VERSION
                + " anyway: ./install.sh --allow-downgrade\n"), refused.toString());
        s.assertLink("/opt/tradevault/current", "99.0.0");

        Shell.Result allowed = s.install("--allow-downgrade");
        assertEquals(0, allowed.exitCode(), allowed.toString());
        s.assertLink("/opt/tradevault/current", Bundle.VERSION);
    }

    @Test
    void backupRecipientKeyReplacesThePassphrase() throws IOException {
        StagingRoot s = new StagingRoot(dir);
        Path publicKey = Files.writeString(dir.resolveSibling(dir.getFileName() + "-recipient.asc"),
                "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGexample\n-----END PGP PUBLIC KEY BLOCK-----\n");
        try {
            Shell.Result r = s.install("--backup-recipient-key", publicKey.toString());
            assertEquals(0, r.exitCode(), r.toString());
            s.assertEntry("/etc/tradevault/backup-recipient-key.asc", "rw-r--r--", 0, 0);
            assertFalse(s.exists("/etc/tradevault/credentials/backup-passphrase"), "no passphrase in public-key mode");
            assertEquals(Files.readString(publicKey), s.read("/etc/tradevault/backup-recipient-key.asc"));
        } finally {
            Files.delete(publicKey);
        }
    }

    @Test
    void privateKeyAsBackupRecipientIsRefused() throws IOException {
        StagingRoot s = new StagingRoot(dir);
        Path privateKey = Files.writeString(dir.resolveSibling(dir.getFileName() + "-secret.asc"),
                "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQdGBGexample\n-----END PGP PRIVATE KEY BLOCK-----\n");
        try {
            Shell.Result r = s.install("--backup-recipient-key", privateKey.toString());
            assertEquals(1, r.exitCode(), r.toString());
            assertEquals("install.sh: error: backup recipient key " + privateKey + " is a PRIVATE key; the server must"
                    + " only get the public key\nnext: export the public key with: gpg --export --armor KEY-ID >"
                    + " backup-recipient.asc, and keep the private key off this server\n", r.output());
            assertFalse(s.exists("/etc/tradevault"), "nothing installed");
        } finally {
            Files.delete(privateKey);
        }
    }

    @Test
    void withoutSystemdNoUnitsAreInstalledAndBackupsGoToCron() {
        StagingRoot s = new StagingRoot(dir);
        Shell.Result r = s.install("--no-systemd");
        assertEquals(0, r.exitCode(), r.toString());
        assertFalse(s.exists("/etc/systemd/system/tradevault.service"));
        assertEquals(Bundle.hasCommand("backup"), s.exists("/etc/cron.d/tradevault-backup"));
        assertTrue(r.output().contains("Without systemd, start the bot as the service user with:\n"
                + "  sudo /opt/tradevault/current/libexec/as-service run\n"), r.toString());
    }

    @Test
    void withDashboardEnablesTheDashboardServiceAndSaysHowToOpenIt() {
        StagingRoot s = new StagingRoot(dir);
        Shell.Result r = s.install("--with-dashboard");

        assertEquals(0, r.exitCode(), r.toString());
        s.assertLink("/etc/systemd/system/multi-user.target.wants/tradevault-dashboard.service",
                "/etc/systemd/system/tradevault-dashboard.service");
        assertTrue(r.output().contains("  ssh -N -L 8780:127.0.0.1:8780 USER@THIS-SERVER\n"), r.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///var/backups/tradevault-replica",
            "sftp://tradevault@backup.example.org:22/srv/tradevault-replica"})
    void aConfiguredReplicaUrlEnablesTheReplicator(String url) throws Exception {
        StagingRoot s = new StagingRoot(dir);
        Files.createDirectories(s.path("/etc/tradevault"));
        Files.writeString(s.path("/etc/tradevault/tradevault.conf"), "replica.url = \"" + url + "\"\n");
        Shell.Result r = s.install();

        assertEquals(0, r.exitCode(), r.toString());
        s.assertLink("/etc/systemd/system/multi-user.target.wants/tradevault-replicate.service",
                "/etc/systemd/system/tradevault-replicate.service");
    }

    @Test
    void unknownOptionIsBadUsage() {
        Shell.Result r = new StagingRoot(dir).install("--colour");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("install.sh: error: unknown option '--colour'\nnext: see ./install.sh --help\n", r.output());
    }

    private void assertInstalledLauncherUsesItsCdsArchive(StagingRoot s) throws IOException {
        Path log = dir.resolveSibling(dir.getFileName() + "-classes.log");
        Shell.Result r = new Shell().clean().env("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log)
                .run(s.path("/opt/tradevault/current/bin/tradevault"), "--version");
        assertEquals("Picked up JAVA_TOOL_OPTIONS: -Xlog:class+load=info:file=" + log + "\ntradevault " + Bundle.VERSION,
                r.output().lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow(), r.toString());
        assertTrue(Files.readAllLines(log).stream()
                .anyMatch(l -> l.endsWith(" com.tradevault.app.cli.Main source: shared objects file")), "Main from the archive");
        Files.delete(log);
    }

    /** Makes the staged install look like VERSION was installed: the program folder renamed, current pointing to it. */
    static void pretendInstalled(StagingRoot s, String version) throws IOException {
        Files.move(s.path("/opt/tradevault/" + Bundle.VERSION), s.path("/opt/tradevault/" + version));
        Files.delete(s.path("/opt/tradevault/current"));
        Files.createSymbolicLink(s.path("/opt/tradevault/current"), Path.of(version));
    }
}
