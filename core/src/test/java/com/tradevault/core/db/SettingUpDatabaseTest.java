package com.tradevault.core.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.Outcome;
import com.tradevault.core.db.sqlite.SqliteFiles;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingUpDatabaseTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T07:41:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** The newest schema version this bundle ships. */
    private static final int LATEST = TestLedgers.latestSchemaVersion();

    private OpeningDatabases opening(Map<String, String> env) {
        return new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
    }

    @Test
    void setupDbCreatesEncryptedLedgerAndGeneratesKeyOutsideDataDir() throws Exception {
        Map<String, String> env = TestLedgers.env(dir);

        SettingUpDatabase.Report report = new SettingUpDatabase(opening(env), CLOCK).run();

        Path key = dir.resolve("home/.config/tradevault/db.key");
        assertEquals(0, report.from());
        assertEquals(LATEST, report.to());
        assertEquals("key file " + key, report.generatedKey().orElseThrow().source());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertTrue(Files.readString(key).matches("[0-9a-f]{64}\n"), "a raw 256-bit key in hex");
        assertEquals(SqliteFiles.FileState.OPAQUE, SqliteFiles.inspect(dir.resolve("data/tradevault.db")));
    }

    @Test
    void secondSetupDbChangesNothing() throws Exception {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        new SettingUpDatabase(opening(env), CLOCK).run();
        Path ledger = dir.resolve("data/tradevault.db");
        byte[] before = Files.readAllBytes(ledger);

        SettingUpDatabase.Report second = new SettingUpDatabase(opening(env), CLOCK).run();

        assertFalse(second.changed());
        assertEquals(LATEST, second.to());
        assertTrue(second.generatedKey().isEmpty());
        assertTrue(second.snapshot().isEmpty());
        assertArrayEquals(before, Files.readAllBytes(ledger));
        assertEquals(List.of("tradevault.db", "tradevault.db.lock"), listing(dir.resolve("data")));
    }

    @Test
    void setupDbRefusesLedgerWithNewerSchema() throws Exception {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        OpeningDatabases opening = opening(env);
        new SettingUpDatabase(opening, CLOCK).run();
        try (Database db = opening.openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (999, '999', 'from the future', 'SQL',"
                    + " 'V999__future.sql', 0, 'test', 0, 1)");
        }

        DatabaseProblem refused = assertThrows(DatabaseProblem.class, () -> new SettingUpDatabase(opening, CLOCK).run());

        assertEquals(Outcome.FAILURE, refused.outcome());
        assertEquals("ledger " + dir.resolve("data/tradevault.db") + " has schema v999, newer than this bundle (v" + LATEST + ")",
                refused.getMessage());
        assertEquals("run the tradevault version that created it, or upgrade this bundle; nothing was changed",
                refused.nextStep());
    }

    @Test
    void setupDbSetsSnapshotAsideBeforeMigratingLedgerThatHasData() throws Exception {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        OpeningDatabases opening = opening(env);
        new SettingUpDatabase(opening, CLOCK).run();
        try (Database db = opening.openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO kv (key, value, updated_at) VALUES ('k', 'kept', '2026-11-21T07:41:00.000000Z')");
        }

        SettingUpDatabase.Report report = new SettingUpDatabase(opening, CLOCK,
                List.of("classpath:db/test-migration/sqlite")).run();

        Path snapshot = dir.resolve("data/tradevault.db.20261121T074100Z.before-upgrade-from-v" + LATEST);
        assertEquals(LATEST, report.from());
        assertEquals(900, report.to());
        assertEquals(snapshot, report.snapshot().orElseThrow());
        assertEquals(SqliteFiles.FileState.OPAQUE, SqliteFiles.inspect(snapshot), "the snapshot stays encrypted");
        var settings = TestLedgers.settings(env).withUrl("jdbc:sqlite:" + snapshot);
        try (Database copy = Dialect.forUrl(settings.url().reveal()).open(settings, opening.key(), false);
             Connection c = copy.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT value FROM kv")) {
            assertTrue(r.next());
            assertEquals("kept", r.getString(1));
            assertEquals(LATEST, new SchemaMigrations(copy).versions().current(), "the snapshot is the old version");
        }
    }

    private static List<String> listing(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
