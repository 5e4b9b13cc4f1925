package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Public-key mode from the command line: the server writes a backup it cannot
 * read, and {@code backups verify} and {@code restore} open it with
 * {@code --private-key-file} (a key made by gpg, with its passphrase in
 * TRADEVAULT_BACKUP_KEY_PASSPHRASE).
 */
class PublicKeyBackupsIT {

    private static final Instant NOW = Instant.parse("2026-11-21T07:41:00Z");
    private static final String KEY_PASSPHRASE = "the private key's passphrase";

    @TempDir
    Path dir;

    @Test
    void verifyAndRestoreOpenAPublicKeyBackupWithThePrivateKeyFile() throws Exception {
        Path secret = generateKey("backups@example.org", "--export-secret-keys");
        Path pub = generateKey("backups@example.org", "--export");
        Path config = Files.writeString(dir.resolve("tradevault.conf"), "backup.recipient-key-file = \"" + pub + "\"\n");
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX,
                "TRADEVAULT_CONFIG", config.toString(), "TRADEVAULT_BACKUP_KEY_PASSPHRASE", KEY_PASSPHRASE);
        assertEquals(0, run(env, "setup-db").exitCode());
        CliRun backedUp = run(env, "backup");
        assertEquals(0, backedUp.exitCode(), backedUp.err());
        Path backup = dir.resolve("data/backups/tradevault-20261121T074100Z.tar.gpg");

        CliRun noKey = run(env, "backups", "verify", backup.toString());
        assertEquals(4, noKey.exitCode(), noKey.out());
        assertTrue(noKey.err().startsWith("error: backups here are encrypted to the public key in " + pub
                + ", which this server cannot decrypt"), noKey.err());

        CliRun verified = run(env, "backups", "verify", backup.toString(), "--private-key-file", secret.toString());
        assertEquals(0, verified.exitCode(), verified.err());
        assertTrue(verified.out().startsWith("ok: " + backup + "\n"), verified.out());
        assertTrue(verified.out().contains("  decrypted: with private key file " + secret), verified.out());

        Path restored = dir.resolve("restored.db");
        CliRun restore = run(env, "restore", backup.toString(), "--to", restored.toString(), "--private-key-file",
                secret.toString());
        assertEquals(0, restore.exitCode(), restore.err());
        assertTrue(restore.out().startsWith("Restored " + restored + " from " + backup), restore.out());
        for (CliRun r : List.of(noKey, verified, restore)) {
            assertFalse((r.out() + r.err()).contains(KEY_PASSPHRASE), "the key's passphrase is never printed");
        }
    }

    private static CliRun run(Map<String, String> env, String... args) {
        return CliRun.of(env, Clock.fixed(NOW, ZoneOffset.UTC), args);
    }

    /** An OpenPGP key made by gpg in a throwaway home (made once), exported armored. */
    private Path generateKey(String uid, String export) throws Exception {
        Path home = dir.resolve("gnupg");
        Path pass = dir.resolve("gpgpass");
        if (!Files.exists(home)) {
            Files.createDirectory(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.writeString(pass, KEY_PASSPHRASE);
            gpg(home, null, "--passphrase-file", pass.toString(), "--quick-gen-key", uid, "future-default", "default",
                    "never");
        }
        Path file = dir.resolve(uid + export + ".asc");
        gpg(home, file, "--passphrase-file", pass.toString(), "--armor", export, uid);
        return file;
    }

    private static void gpg(Path home, Path output, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch",
                "--pinentry-mode", "loopback"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()));
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "gpg " + String.join(" ", args) + " failed");
    }
}
