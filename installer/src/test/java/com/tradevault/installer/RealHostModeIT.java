package com.tradevault.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * install.sh without --root, as on a real server without systemd: the real useradd, /opt, /etc,
 * /var, /run and cron paths, inside a mount namespace whose copies vanish afterwards
 * (isolated-host.sh), so the host is untouched.
 */
class RealHostModeIT {

    private static final Path ISOLATED = Path.of("src/test/resources/isolated-host.sh").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void installRunsCommandsAsServiceUserReinstallsAndUninstallsOnAHostWithoutSystemd() throws IOException {
        assumeTrue(new Shell().run("unshare", "--mount", "true").exitCode() == 0, "no mount namespaces here");
        Path script = Files.writeString(dir.resolve("steps.sh"), String.join("\n",
                "I=" + Bundle.IMAGE,
                "echo '== install'; $I/install.sh; echo \"rc=$?\"",
                "echo '== user'; getent passwd tradevault",
                "echo '== files'; stat -c '%a %U:%G %n' /opt/tradevault/" + Bundle.VERSION + " /etc/tradevault"
                        + " /etc/tradevault/tradevault.conf /etc/tradevault/credentials /etc/tradevault/credentials/db-key"
                        + " /var/lib/tradevault /var/lib/tradevault/tradevault.db /var/backups/tradevault",
                "echo '== cron'; test -e /etc/cron.d/tradevault-backup && echo present || echo absent",
                "echo '== status'; /opt/tradevault/current/libexec/as-service status; echo \"rc=$?\"",
                "echo '== on path'; tradevault --version | head -n 1",
                "echo '== leftovers'; ls /run",
                "echo '== reinstall'; $I/install.sh >/run/reinstall.log; echo \"rc=$?\";"
                        + " grep -c '^Backing up the ledger before the upgrade$' /run/reinstall.log",
                "echo '== uninstall'; /opt/tradevault/current/uninstall.sh >/dev/null; echo \"rc=$?\"; ls /opt /var/lib/tradevault",
                "echo '== purge'; $I/uninstall.sh --purge --yes >/dev/null; echo \"rc=$?\";"
                        + " getent passwd tradevault || echo 'no user'; ls /etc/tradevault 2>&1 | head -n 1",
                ""));

        String out = new Shell().run(ISOLATED, script).output();

        assertTrue(out.contains("== install\nsystemd is not running on this host: installing a cron entry for backups"
                + " instead of units.\nInstalling tradevault " + Bundle.VERSION + " into /\nCreated system user"
                + " tradevault (no login shell)\n"), out);
        assertTrue(section(out, "install").endsWith("rc=0\n"), out);
        assertTrue(Pattern.compile("== user\ntradevault:x:\\d{3}:\\d{3}:tradevault trading bot:/var/lib/tradevault:"
                + "/usr/sbin/nologin\n").matcher(out).find(), out);
        assertEquals("755 root:root /opt/tradevault/" + Bundle.VERSION + "\n755 root:root /etc/tradevault\n"
                + "640 root:tradevault /etc/tradevault/tradevault.conf\n700 root:root /etc/tradevault/credentials\n"
                + "400 root:root /etc/tradevault/credentials/db-key\n700 tradevault:tradevault /var/lib/tradevault\n"
                + "600 tradevault:tradevault /var/lib/tradevault/tradevault.db\n"
                + "700 tradevault:tradevault /var/backups/tradevault\n", section(out, "files"));
        assertEquals(Bundle.hasCommand("backup") ? "present\n" : "absent\n", section(out, "cron"));
        assertTrue(section(out, "status").matches("(?s).*encrypted:  yes \\(SQLCipher 4\\), key from systemd credential"
                + " /run/tradevault-status\\.\\w{6}/db-key\n.*rc=0\n"), out);
        assertEquals("tradevault " + Bundle.VERSION + "\n", section(out, "on path"));
        assertEquals("", section(out, "leftovers"), "credential folders are removed after use");
        assertEquals("rc=0\n" + (Bundle.hasCommand("backup") ? "1" : "0") + "\n", section(out, "reinstall"),
                "a backup before the upgrade when the bundle can take one");
        assertEquals("rc=0\n/opt:\n\n/var/lib/tradevault:\ntradevault.db\ntradevault.db.lock\n", section(out, "uninstall"));
        assertEquals("rc=0\nno user\nls: cannot access '/etc/tradevault': No such file or directory\n", section(out, "purge"));
    }

    private static String section(String out, String name) {
        int start = out.indexOf("== " + name + "\n");
        assertTrue(start >= 0, "no section " + name + " in\n" + out);
        String rest = out.substring(start + name.length() + 4);
        int end = ("\n" + rest).indexOf("\n== ");
        return end < 0 ? rest : rest.substring(0, end);
    }
}
