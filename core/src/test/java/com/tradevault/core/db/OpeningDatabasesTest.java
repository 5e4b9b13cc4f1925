package com.tradevault.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.db.sqlite.SqliteFiles;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpeningDatabasesTest {

    private static final String OTHER_KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @TempDir
    Path dir;

    private Path ledger() {
        return dir.resolve("data/tradevault.db");
    }

    private OpeningDatabases opening(Map<String, String> env, String... config) {
        return new OpeningDatabases(TestLedgers.settings(env, config), new KeyResolver(env));
    }

    private Map<String, String> withKey(String key) {
        return TestLedgers.env(dir, "TRADEVAULT_DB_KEY", key);
    }

    private void createLedger(Map<String, String> env, String... config) {
        new SettingUpDatabase(opening(env, config), Clock.systemUTC()).run();
    }

    private TradevaultException refusal(Map<String, String> env, String... config) {
        return assertThrows(TradevaultException.class, () -> opening(env, config).openExisting().close());
    }

    @Test
    void encryptedLedgerWithoutKeyIsAKeyProblem() {
        createLedger(withKey(TestLedgers.KEY_HEX));

        TradevaultException e = refusal(TestLedgers.env(dir));

        assertEquals(Outcome.KEY_PROBLEM, e.outcome());
        assertEquals("no key is configured for the encrypted ledger " + ledger(), e.getMessage());
        assertEquals("provide it through TRADEVAULT_DB_KEY_FILE, db.key-file, TRADEVAULT_DB_KEY or the systemd"
                + " credential db-key (see docs/security.md)", e.nextStep());
    }

    @Test
    void wrongKeyIsAKeyProblemNamingTheKeySource() {
        createLedger(withKey(TestLedgers.KEY_HEX));

        TradevaultException e = refusal(withKey(OTHER_KEY));

        assertEquals(Outcome.KEY_PROBLEM, e.outcome());
        assertEquals("the key from environment variable TRADEVAULT_DB_KEY does not open " + ledger()
                + ": wrong key, or not an encrypted tradevault ledger", e.getMessage());
        assertFalse(e.getMessage().contains(OTHER_KEY));
    }

    /**
     * A ledger left with a WAL (a crash, or connections a stopped bot did not close), tried with a
     * wrong key: the refusal must not checkpoint that WAL through a cipher that cannot read it. The
     * right key then opens the ledger with every row, and its integrity check passes.
     */
    @Test
    void aWrongKeyLeavesALedgerWithALeftoverWalIntact() throws Exception {
        createLedger(withKey(TestLedgers.KEY_HEX));
        Path copy = dir.resolve("crashed");
        try (Database db = opening(withKey(TestLedgers.KEY_HEX)).openExisting(); Connection c = db.connect();
             Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint = 0");
            for (int i = 0; i < 50; i++) {
                s.executeUpdate("INSERT INTO kv (key, value, updated_at) VALUES ('k" + i + "', 'v', "
                        + "'2026-12-06T00:00:00.000000Z')");
            }
            Files.createDirectories(copy.resolve("data"));
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.copy(dir.resolve("data/tradevault.db" + suffix), copy.resolve("data/tradevault.db" + suffix));
            }
        }
        Map<String, String> wrong = TestLedgers.env(copy, "TRADEVAULT_DB_KEY", OTHER_KEY);
        assertTrue(Files.size(copy.resolve("data/tradevault.db-wal")) > 0, "the copy has a WAL to lose");

        TradevaultException e = assertThrows(TradevaultException.class,
                () -> new OpeningDatabases(TestLedgers.settings(wrong), new KeyResolver(wrong)).openExisting().close());
        assertEquals(Outcome.KEY_PROBLEM, e.outcome());

        Map<String, String> right = TestLedgers.env(copy, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        try (Database db = new OpeningDatabases(TestLedgers.settings(right), new KeyResolver(right)).openExisting();
             Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM kv")) {
            rows.next();
            assertEquals(50, rows.getInt(1));
            assertEquals(java.util.List.of(), SqliteFiles.integrityProblems(c, false));
        }
    }

    @Test
    void plaintextLedgerWhileKeyIsConfiguredSuggestsDbEncrypt() {
        createLedger(TestLedgers.env(dir), "db.encryption = off");

        TradevaultException e = refusal(withKey(TestLedgers.KEY_HEX));

        assertEquals(Outcome.KEY_PROBLEM, e.outcome());
        assertEquals("ledger " + ledger() + " is plaintext (not encrypted) but db.encryption is on", e.getMessage());
        assertEquals("encrypt it with 'tradevault db encrypt', or set db.encryption = off to keep it plaintext",
                e.nextStep());
    }

    @Test
    void encryptedLedgerWhileEncryptionIsOffIsAKeyProblem() {
        createLedger(withKey(TestLedgers.KEY_HEX));

        TradevaultException e = refusal(withKey(TestLedgers.KEY_HEX), "db.encryption = off");

        assertEquals(Outcome.KEY_PROBLEM, e.outcome());
        assertEquals("ledger " + ledger() + " is encrypted but db.encryption is off", e.getMessage());
    }

    @Test
    void fileThatIsNotADatabaseIsAnIntegrityProblem() throws Exception {
        Files.createDirectories(ledger().getParent());
        Files.writeString(ledger(), "these are my trading notes, not a database\n");

        TradevaultException withKey = refusal(withKey(TestLedgers.KEY_HEX));
        TradevaultException plaintext = refusal(TestLedgers.env(dir), "db.encryption = off");

        for (TradevaultException e : new TradevaultException[] {withKey, plaintext}) {
            assertEquals(Outcome.INTEGRITY_PROBLEM, e.outcome());
            assertEquals(ledger() + " is not a SQLite database (damaged or some other file)", e.getMessage());
        }
        assertEquals("these are my trading notes, not a database\n", Files.readString(ledger()), "left untouched");
    }

    @Test
    void unwritableDataDirectoryIsNamed() throws Exception {
        Path notADir = dir.resolve("file");
        Files.writeString(notADir, "x");
        Map<String, String> env = new HashMap<>(withKey(TestLedgers.KEY_HEX));
        env.put("TRADEVAULT_DATA_DIR", notADir.resolve("data").toString());

        TradevaultException e = assertThrows(TradevaultException.class,
                () -> new SettingUpDatabase(opening(env), Clock.systemUTC()).run());

        assertEquals(Outcome.FAILURE, e.outcome());
        assertTrue(e.getMessage().startsWith("data directory " + notADir.resolve("data") + " is not writable ("),
                e.getMessage());
        assertEquals("create it and give the user running tradevault write access, e.g. chown tradevault "
                + notADir.resolve("data"), e.nextStep());
    }

    @Test
    void missingLedgerSaysToRunSetupDb() {
        TradevaultException e = refusal(withKey(TestLedgers.KEY_HEX));

        assertEquals(Outcome.FAILURE, e.outcome());
        assertEquals("no ledger at " + ledger(), e.getMessage());
        assertEquals("run 'tradevault setup-db' to create it, or point data-dir / TRADEVAULT_DATA_DIR at the right folder",
                e.nextStep());
    }

    @Test
    void passphraseKeysWithQuotesAndSpacesWork() throws Exception {
        Map<String, String> env = withKey("it's a \"long\" pass phrase; DROP TABLE kv; --");
        createLedger(env);

        try (Database db = opening(env).openExisting(); Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM kv")) {
            assertTrue(r.next());
            assertEquals(0, r.getInt(1));
        }
        assertEquals(Outcome.KEY_PROBLEM, refusal(withKey("it's a \"long\" pass phrase")).outcome());
    }

    @Test
    void encryptedFileShowsNeitherTheSqliteHeaderNorAnyRowContent() throws Exception {
        Map<String, String> env = withKey(TestLedgers.KEY_HEX);
        createLedger(env);
        String secret = "SECRET-ROW-CONTENT-4711";
        try (Database db = opening(env).openExisting()) {
            db.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO kv (key, value, updated_at) VALUES ('note', '" + secret
                            + "', '2026-11-21T07:41:00.000000Z')");
                }
            });
            assertNoPlaintext(secret);
        }
        assertNoPlaintext(secret);
        byte[] head = new byte[16];
        try (var in = Files.newInputStream(ledger())) {
            assertEquals(16, in.read(head));
        }
        assertFalse(new String(head, StandardCharsets.ISO_8859_1).startsWith("SQLite format 3"));
    }

    private void assertNoPlaintext(String secret) throws Exception {
        try (var files = Files.list(ledger().getParent())) {
            for (Path f : files.toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(secret), "plaintext row content in " + f);
                assertFalse(bytes.contains("CREATE TABLE"), "plaintext schema in " + f);
            }
        }
    }
}
