package com.tradevault.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.RowCounts;
import com.tradevault.core.db.SettingUpDatabase;
import com.tradevault.core.db.sqlite.SqliteFiles;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerEncryptionTest {

    private static final String NEW_KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @TempDir
    Path dir;

    private OpeningDatabases opening(Map<String, String> env, String... config) {
        return new OpeningDatabases(TestLedgers.settings(env, config), new KeyResolver(env));
    }

    private Path ledger() {
        return dir.resolve("data/tradevault.db");
    }

    private void createWithRows(Map<String, String> env, String... config) throws Exception {
        new SettingUpDatabase(opening(env, config), Clock.systemUTC()).run();
        try (Database db = opening(env, config).openExisting()) {
            db.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    for (int i = 0; i < 50; i++) {
                        s.executeUpdate("INSERT INTO kv (key, value, updated_at) VALUES ('k" + i + "', 'v" + i
                                + "', '2026-11-21T07:41:00.000000Z')");
                    }
                }
                return null;
            });
        }
    }

    private long kvRows(OpeningDatabases opening) throws Exception {
        try (Database db = opening.openExisting(); Connection c = db.connect()) {
            return RowCounts.of(c).get("kv");
        }
    }

    @Test
    void encryptTurnsPlaintextLedgerIntoEncryptedOneWithTheSameRows() throws Exception {
        createWithRows(TestLedgers.env(dir), "db.encryption = off");
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);

        LedgerEncryption.Result result = new LedgerEncryption(opening(env), new KeyResolver(env)).encrypt();

        assertEquals(50L, result.rows().get("kv"));
        assertEquals(SqliteFiles.FileState.OPAQUE, SqliteFiles.inspect(ledger()));
        assertEquals(50, kvRows(opening(env)));
        assertEquals(List.of("tradevault.db", "tradevault.db.lock"), listing());
    }

    @Test
    void encryptWithoutConfiguredKeyGeneratesOne() throws Exception {
        createWithRows(TestLedgers.env(dir), "db.encryption = off");
        Map<String, String> env = TestLedgers.env(dir);

        LedgerEncryption.Result result = new LedgerEncryption(opening(env), new KeyResolver(env)).encrypt();

        assertTrue(result.generated());
        assertEquals("key file " + dir.resolve("home/.config/tradevault/db.key"), result.key().orElseThrow().source());
        assertEquals(50, kvRows(opening(env)));
    }

    @Test
    void encryptRefusesAnAlreadyEncryptedLedger() throws Exception {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        createWithRows(env);

        TradevaultException e = assertThrows(TradevaultException.class,
                () -> new LedgerEncryption(opening(env), new KeyResolver(env)).encrypt());

        assertEquals(Outcome.FAILURE, e.outcome());
        assertEquals("ledger " + ledger() + " is not a plaintext SQLite database (already encrypted, missing or"
                + " damaged); nothing was changed", e.getMessage());
    }

    @Test
    void rekeyMovesTheLedgerToTheNewKeyAndTheOldOneStopsWorking() throws Exception {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        createWithRows(env);
        Path newKey = dir.resolve("new.key");
        Files.writeString(newKey, NEW_KEY + "\n");
        Files.setPosixFilePermissions(newKey, PosixFilePermissions.fromString("rw-------"));

        new LedgerEncryption(opening(env), new KeyResolver(env)).rekey(newKey);

        assertEquals(Outcome.KEY_PROBLEM, assertThrows(TradevaultException.class,
                () -> opening(env).openExisting().close()).outcome());
        assertEquals(50, kvRows(opening(TestLedgers.env(dir, "TRADEVAULT_DB_KEY_FILE", newKey.toString()))));
    }

    @Test
    void rekeyRefusesTheKeyTheLedgerAlreadyHas() throws Exception {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        createWithRows(env);
        Path same = dir.resolve("same.key");
        Files.writeString(same, TestLedgers.KEY_HEX);
        Files.setPosixFilePermissions(same, PosixFilePermissions.fromString("rw-------"));

        TradevaultException e = assertThrows(TradevaultException.class,
                () -> new LedgerEncryption(opening(env), new KeyResolver(env)).rekey(same));

        assertEquals(Outcome.KEY_PROBLEM, e.outcome());
        assertEquals("the new key is the key the ledger already has", e.getMessage());
        assertEquals(50, kvRows(opening(env)));
    }

    @Test
    void decryptWritesAVerifiedPlaintextCopyAndNeverOverwrites() throws Exception {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        createWithRows(env);
        Path out = dir.resolve("support.db");

        new LedgerEncryption(opening(env), new KeyResolver(env)).decrypt(out);
        TradevaultException again = assertThrows(TradevaultException.class,
                () -> new LedgerEncryption(opening(env), new KeyResolver(env)).decrypt(out));

        assertEquals(SqliteFiles.FileState.PLAINTEXT, SqliteFiles.inspect(out));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals(out + " already exists; refusing to overwrite it", again.getMessage());
        assertEquals(SqliteFiles.FileState.OPAQUE, SqliteFiles.inspect(ledger()), "the ledger stays encrypted");
        Map<String, String> plain = TestLedgers.env(dir, "TRADEVAULT_DB_URL", "jdbc:sqlite:" + out);
        assertEquals(50, kvRows(opening(plain, "db.encryption = off")));
    }

    private List<String> listing() throws Exception {
        try (var files = Files.list(ledger().getParent())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
