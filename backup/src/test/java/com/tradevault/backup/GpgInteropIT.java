package com.tradevault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.Outcome;
import com.tradevault.core.Progress;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.RowCounts;
import com.tradevault.core.key.DbKey;
import com.tradevault.core.key.ResolvedKey;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups are standard OpenPGP: stock gpg and tar unpack them, and gpg keys encrypt and open them. */
class GpgInteropIT {

    @TempDir
    Path dir;

    @Test
    void gpgDecryptsAPassphraseBackupIntoALedgerThatOpensWithTheDatabaseKey() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        f.addTrades(20);
        TakingBackups.Report report = f.taking().take(Optional.empty(), Progress.NONE);
        Path tar = dir.resolve("out.tar");
        Path unpacked = Files.createDirectory(dir.resolve("unpacked"));

        Processes.ok(List.of("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase-file",
                f.keys.passphraseFile().toString(), "--decrypt", report.file().toString()), gpgHome(), tar);
        Processes.ok(List.of("tar", "-xf", tar.toString(), "-C", unpacked.toString()), Map.of(), null);

        assertEquals(List.of(unpacked.resolve("manifest.json"), unpacked.resolve("tradevault.db")),
                BackupAndRestoreTest.listDir(unpacked));
        assertTrue(Processes.lastError.isEmpty() || !Processes.lastError.contains("WARNING"), Processes.lastError);
        Manifest manifest = Manifest.fromJson(Files.readAllBytes(unpacked.resolve("manifest.json")));
        assertEquals(report.manifest(), manifest);
        assertEquals(manifest.rowCounts(), rowsOf(unpacked.resolve("tradevault.db"), f));
    }

    @Test
    void publicKeyModeWritesBackupsThisServerCannotReadAndThePrivateKeyRestoresThem() throws Exception {
        Map<String, String> gpg = gpgHome();
        Path pub = exportKey(gpg, "backups@example.org", "--export");
        Path secret = exportKey(gpg, "backups@example.org", "--export-secret-keys");
        LedgerFixture f = LedgerFixture.create(dir, "backup.recipient-key-file = \"" + pub + "\"");
        f.addTrades(7);
        var before = f.rows();

        TakingBackups.Report report = f.taking().take(Optional.empty(), Progress.NONE);

        assertFalse(report.verifiedEndToEnd());
        TradevaultException noKey = assertThrows(TradevaultException.class, () -> f.keys.opening(Optional.empty()));
        assertEquals(Outcome.KEY_PROBLEM, noKey.outcome());
        assertEquals("backups here are encrypted to the public key in " + pub + ", which this server cannot decrypt",
                noKey.getMessage());

        Map<String, String> env = new HashMap<>(f.env);
        env.put(BackupKeys.PRIVATE_KEY_PASSPHRASE_ENV, "key passphrase");
        LedgerFixture withKey = LedgerFixture.withEnv(dir, env, "backup.recipient-key-file = \"" + pub + "\"");
        var key = withKey.keys.opening(Optional.of(secret));
        assertEquals(report.manifest(), new VerifyingBackups(withKey.opening).verify(report.file(), key, Progress.NONE).manifest());
        f.addTrades(2);
        new RestoringBackups(withKey.opening, java.time.Clock.systemUTC()).restore(report.file(), key, Optional.empty(),
                Progress.NONE);
        assertEquals(before, f.rows());

        Path tar = dir.resolve("pk.tar");
        Processes.ok(List.of("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase-file",
                write("gpgpass", "key passphrase"), "--decrypt", report.file().toString()), gpg, tar);
        assertTrue(Files.size(tar) > report.manifest().snapshotBytes());
    }

    @Test
    void aPrivateKeyThatIsNotTheRecipientIsAKeyProblem() throws Exception {
        Map<String, String> gpg = gpgHome();
        Path pub = exportKey(gpg, "backups@example.org", "--export");
        Path otherSecret = exportKey(gpg, "other@example.org", "--export-secret-keys");
        LedgerFixture f = LedgerFixture.create(dir, "backup.recipient-key-file = \"" + pub + "\"");
        TakingBackups.Report report = f.taking().take(Optional.empty(), Progress.NONE);
        Map<String, String> env = new HashMap<>(f.env);
        env.put(BackupKeys.PRIVATE_KEY_PASSPHRASE_ENV, "key passphrase");
        var key = LedgerFixture.withEnv(dir, env).keys.opening(Optional.of(otherSecret));

        TradevaultException e = assertThrows(TradevaultException.class,
                () -> new VerifyingBackups(f.opening).verify(report.file(), key, Progress.NONE));

        assertEquals(Outcome.KEY_PROBLEM, e.outcome());
        assertTrue(e.getMessage().matches("cannot open backup " + java.util.regex.Pattern.quote(report.file().toString())
                + ": it is encrypted to public key [0-9A-F]{16}, which private key file "
                + java.util.regex.Pattern.quote(otherSecret.toString()) + " does not hold"), e.getMessage());
    }

    private Map<String, String> gpgHome() throws Exception {
        Path home = dir.resolve("gnupg");
        if (!Files.exists(home)) {
            Files.createDirectory(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Map.of("GNUPGHOME", home.toString());
    }

    /** Generates a key pair (ed25519 + cv25519) for {@code uid} if needed and exports it armored. */
    private Path exportKey(Map<String, String> gpg, String uid, String what) throws Exception {
        Path pass = Path.of(write("gpgpass", "key passphrase"));
        if (Processes.run(List.of("gpg", "--batch", "--list-keys", uid), gpg, null) != 0) {
            Processes.ok(List.of("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase-file", pass.toString(),
                    "--quick-gen-key", uid, "future-default", "default", "never"), gpg, null);
        }
        Path out = dir.resolve(uid + what + ".asc");
        Processes.ok(List.of("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase-file", pass.toString(),
                "--armor", what, uid), gpg, out);
        return out;
    }

    private String write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    private static Map<String, Long> rowsOf(Path ledger, LedgerFixture f) throws Exception {
        DbSettings settings = f.db.withUrl("jdbc:sqlite:" + ledger);
        Optional<ResolvedKey> key = Optional.of(new ResolvedKey(DbKey.parse(TestLedgers.KEY_HEX), "test"));
        try (Database db = Dialect.forUrl(settings.url().reveal()).open(settings, key, false); Connection c = db.connect()) {
            return RowCounts.of(c);
        }
    }
}
