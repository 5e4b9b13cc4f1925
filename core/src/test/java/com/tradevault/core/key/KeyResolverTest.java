package com.tradevault.core.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.Outcome;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyResolverTest {

    private static final String OTHER = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @TempDir
    Path dir;

    private Path keyFile(String name, String text, String mode) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    private ResolvedKey resolve(Map<String, String> env) {
        return new KeyResolver(env).resolve(TestLedgers.settings(env)).orElseThrow();
    }

    @Test
    void systemdCredentialWinsOverKeyFileAndEnvironment() throws Exception {
        Path creds = Files.createDirectories(dir.resolve("creds"));
        Files.writeString(creds.resolve("db-key"), TestLedgers.KEY_HEX + "\n");
        Path file = keyFile("k", OTHER, "rw-------");

        ResolvedKey key = resolve(TestLedgers.env(dir, "CREDENTIALS_DIRECTORY", creds.toString(),
                "TRADEVAULT_DB_KEY_FILE", file.toString(), "TRADEVAULT_DB_KEY", "passphrase"));

        assertEquals("systemd credential " + creds.resolve("db-key"), key.source());
        assertEquals(DbKey.parse(TestLedgers.KEY_HEX), key.key());
    }

    @Test
    void keyFileWinsOverEnvironmentKey() throws Exception {
        Path file = keyFile("k", OTHER + "\n", "rw-------");

        ResolvedKey key = resolve(TestLedgers.env(dir, "TRADEVAULT_DB_KEY_FILE", file.toString(),
                "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX));

        assertEquals("key file " + file, key.source());
        assertEquals(DbKey.parse(OTHER), key.key());
    }

    @Test
    void keyFileReadableByOthersIsRefusedWithTheChmodThatFixesIt() throws Exception {
        Path file = keyFile("k", OTHER, "rw-r--r--");

        KeyProblem e = assertThrows(KeyProblem.class,
                () -> resolve(TestLedgers.env(dir, "TRADEVAULT_DB_KEY_FILE", file.toString())));

        assertEquals(Outcome.KEY_PROBLEM, e.outcome());
        assertEquals("key file " + file + " is readable by group or others (mode rw-r--r--)", e.getMessage());
        assertEquals("run: chmod 600 " + file, e.nextStep());
    }

    @Test
    void emptyKeyFileIsRefused() throws Exception {
        Path file = keyFile("k", "\n", "rw-------");

        KeyProblem e = assertThrows(KeyProblem.class,
                () -> resolve(TestLedgers.env(dir, "TRADEVAULT_DB_KEY_FILE", file.toString())));

        assertEquals("key file " + file + " is empty", e.getMessage());
    }

    @Test
    void missingConfiguredKeyFileIsRefused() {
        Path file = dir.resolve("nope");

        KeyProblem e = assertThrows(KeyProblem.class,
                () -> resolve(TestLedgers.env(dir, "TRADEVAULT_DB_KEY_FILE", file.toString())));

        assertEquals("key file " + file + " does not exist", e.getMessage());
    }

    @Test
    void sixtyFourHexDigitsAreARawKeyAnythingElseAPassphrase() {
        assertTrue(DbKey.parse(TestLedgers.KEY_HEX).isRaw());
        assertTrue(DbKey.parse("x'" + TestLedgers.KEY_HEX.toUpperCase() + "'").isRaw());
        assertFalse(DbKey.parse(TestLedgers.KEY_HEX.substring(1)).isRaw());
        assertEquals(DbKey.parse(TestLedgers.KEY_HEX), DbKey.parse("x'" + TestLedgers.KEY_HEX + "'"));
    }

    @Test
    void keysNeverPrintTheirMaterial() {
        DbKey raw = DbKey.parse(TestLedgers.KEY_HEX);
        DbKey pass = DbKey.parse("correct horse");

        assertEquals("DbKey[raw, redacted]", raw.toString());
        assertEquals("DbKey[passphrase, redacted]", pass.toString());
        assertEquals("ResolvedKey[key=DbKey[raw, redacted], source=x]", new ResolvedKey(raw, "x").toString());
    }

    @Test
    void generatedKeyRefusesToOverwriteAnExistingFile() throws Exception {
        Map<String, String> env = TestLedgers.env(dir);
        KeyResolver keys = new KeyResolver(env);
        ResolvedKey first = keys.generateDefault();

        KeyProblem e = assertThrows(KeyProblem.class, keys::generateDefault);

        assertEquals("key file " + keys.defaultKeyFile() + " already exists; refusing to overwrite a key", e.getMessage());
        assertEquals(first.key(), resolve(env).key());
    }
}
