package com.tradevault.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The systemd units: clean under systemd-analyze verify, and sandboxed to an exposure of at most 2.0. */
class UnitFilesIT {

    private static final List<String> UNITS = List.of("tradevault.service", "tradevault-backup.service",
            "tradevault-backup.timer", "tradevault-dashboard.service",
            "tradevault-alert@.service", "tradevault-replicate.service");

    @TempDir
    Path dir;

    @Test
    void unitsVerifyCleanlyAgainstTheInstalledTree() throws IOException {
        StagingRoot s = new StagingRoot(dir);
        assertEquals(0, s.install().exitCode());
        // verify --root needs systemd's own units (sysinit.target, ...) inside the root.
        Files.createDirectories(s.path("/usr/lib/systemd"));
        assertEquals(0, new Shell().run("cp", "-r", "/usr/lib/systemd/system", s.path("/usr/lib/systemd/system"))
                .exitCode());
        List<Object> args = new ArrayList<>(List.of("systemd-analyze", "verify", "--man=no", "--root=" + dir));
        for (String unit : UNITS) {
            Path file = s.path("/etc/systemd/system/" + unit);
            if (!Files.exists(file)) {
                Files.copy(Bundle.IMAGE.resolve("systemd").resolve(unit), file);
            }
            args.add(file);
        }

        Shell.Result r = new Shell().run(args.toArray());

        assertEquals(new Shell.Result(0, ""), r);
    }

    @Test
    void serviceExposureIsAtMostTwo() {
        for (String unit : List.of("tradevault.service", "tradevault-backup.service", "tradevault-dashboard.service",
                "tradevault-alert@.service", "tradevault-replicate.service")) {
            Shell.Result r = new Shell().run("systemd-analyze", "security", "--offline=true",
                    Bundle.IMAGE.resolve("systemd").resolve(unit));
            // a template is analysed as one instance of it (tradevault-alert@i.service)
            String name = unit.contains("@.") ? Pattern.quote(unit.substring(0, unit.indexOf('@') + 1)) + "\\w*"
                    + Pattern.quote(unit.substring(unit.indexOf('@') + 1)) : Pattern.quote(unit);
            Matcher m = Pattern.compile("Overall exposure level for " + name + ": (\\d+\\.\\d) (\\w+)")
                    .matcher(r.output());
            assertTrue(m.find(), r.toString());
            assertTrue(new BigDecimal(m.group(1)).compareTo(new BigDecimal("2.0")) <= 0, unit + ": " + m.group());
            assertTrue(List.of("OK", "SAFE").contains(m.group(2)), unit + ": " + m.group());
        }
    }

    @Test
    void serviceRunsTheBotAsTheServiceUserWithTheKeyAsACredential() throws IOException {
        String unit = Files.readString(Bundle.IMAGE.resolve("systemd/tradevault.service"));
        for (String line : new String[] {"User=tradevault", "ExecStart=/opt/tradevault/current/bin/tradevault run",
                "Restart=on-failure", "LoadCredential=db-key:/etc/tradevault/credentials/db-key",
                "ReadWritePaths=/var/lib/tradevault /var/backups/tradevault", "CapabilityBoundingSet=",
                "SystemCallFilter=@system-service", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes",
                "PrivateTmp=yes", "PrivateDevices=yes", "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6"}) {
            assertTrue(unit.contains("\n" + line + "\n"), "tradevault.service lacks " + line);
        }
        assertTrue(unit.contains("\nOnFailure=tradevault-alert@%n.service\n"), "tradevault.service lacks OnFailure=");
        String alert = Files.readString(Bundle.IMAGE.resolve("systemd/tradevault-alert@.service"));
        assertTrue(alert.contains("\nExecStart=/opt/tradevault/current/bin/tradevault alerts notify-failure %i\n"), alert);
        assertTrue(!alert.contains("LoadCredential=db-key"), "the alert needs no ledger key");
        String timer = Files.readString(Bundle.IMAGE.resolve("systemd/tradevault-backup.timer"));
        for (String line : new String[] {"OnCalendar=daily", "Persistent=true", "RandomizedDelaySec=1h"}) {
            assertTrue(timer.contains("\n" + line + "\n"), "tradevault-backup.timer lacks " + line);
        }
    }
}
