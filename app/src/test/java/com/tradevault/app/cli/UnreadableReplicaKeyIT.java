package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica key file the service user cannot read: {@code tradevault replicate}
 * run as a real process by root without any capability ({@code setpriv
 * --bounding-set -all}), so that file modes bind it as they bind the service user.
 */
class UnreadableReplicaKeyIT {

    @TempDir
    Path dir;

    @Test
    void replicateRefusesAKeyFileItCannotRead() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "dropping capabilities to meet file modes needs root");
        Path key = Files.writeString(dir.resolve("id_ed25519"), "unreadable\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("---------"));
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
        Path config = Files.writeString(dir.resolve("tradevault.conf"), "replica.url = \"sftp://backup@example.org:22"
                + "/srv/tradevault\"\nreplica.ssh-key = \"" + key + "\"\nreplica.known-hosts = \"" + knownHosts + "\"\n");
        Process p = new ProcessBuilder(List.of("setpriv", "--bounding-set", "-all",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "com.tradevault.app.cli.Main", "replicate", "--config",
                config.toString())).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(2, p.exitValue(), err);
        assertEquals("error: cannot read replica.ssh-key " + key + ": permission denied\nnext: make the service user"
                + " (tradevault) its owner: chown tradevault: " + key + "\n", err);
    }
}
