package com.tradevault.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.db.BundledMigrations.Migration;
import com.tradevault.core.testing.TestLedgers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The start's fast path: a ledger whose Flyway history lists exactly the bundled migrations is
 * recognised from one query; every other history (pending, failed, changed, newer, none) goes to
 * Flyway and gets the very answer Flyway gives. Run against each backend.
 */
abstract class SchemaWithoutFlywayContract {

    private static final int LATEST = TestLedgers.latestSchemaVersion();

    /** A ledger set up at this bundle's version; closed by the caller. */
    abstract Database setUpLedger() throws Exception;

    /** A database with no tables at all. */
    abstract Database emptyDatabase() throws Exception;

    @Test
    void bundledChecksumsAreTheOnesFlywayRecorded() throws Exception {
        try (Database db = setUpLedger(); Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version, script, checksum FROM flyway_schema_history ORDER BY installed_rank")) {
            List<Migration> recorded = new ArrayList<>();
            while (r.next()) {
                recorded.add(new Migration(Integer.parseInt(r.getString(1)), r.getString(2), r.getInt(3)));
            }
            assertEquals(recorded, BundledMigrations.at(db.dialect().migrationLocation()).orElseThrow());
            assertEquals(TestLedgers.schemaVersions(), recorded.stream().map(Migration::version).toList());
        }
    }

    @Test
    void upToDateLedgerIsRecognisedFromItsHistoryAlone() throws Exception {
        try (Database db = setUpLedger()) {
            assertTrue(SchemaHistory.matchesExactly(db, bundled(db)));
            assertEquals(new SchemaMigrations.Versions(LATEST, LATEST, false), new SchemaMigrations(db).versions());
            assertEquals(new SchemaMigrations(db).versionsFromFlyway(), new SchemaMigrations(db).versions());
        }
    }

    @Test
    void changedChecksumGoesToFlyway() throws Exception {
        assertFlywayDecides("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
    }

    @Test
    void failedMigrationGoesToFlyway() throws Exception {
        assertFlywayDecides("UPDATE flyway_schema_history SET success = false WHERE version = '" + LATEST + "'");
    }

    @Test
    void pendingMigrationGoesToFlyway() throws Exception {
        SchemaMigrations.Versions v = assertFlywayDecides("DELETE FROM flyway_schema_history WHERE version = '"
                + LATEST + "'");
        assertFalse(v.upToDate());
    }

    @Test
    void newerLedgerGoesToFlywayAndIsRefusedAsBefore() throws Exception {
        SchemaMigrations.Versions v = assertFlywayDecides("INSERT INTO flyway_schema_history (installed_rank, version,"
                + " description, type, script, checksum, installed_by, execution_time, success) VALUES (999, '999',"
                + " 'from the future', 'SQL', 'V999__future.sql', 0, 'test', 0, true)");
        assertEquals(new SchemaMigrations.Versions(999, LATEST, true), v);
    }

    @Test
    void databaseWithoutHistoryGoesToFlyway() throws Exception {
        try (Database db = emptyDatabase()) {
            assertFalse(SchemaHistory.matchesExactly(db, bundled(db)));
            assertEquals(new SchemaMigrations.Versions(0, LATEST, false), new SchemaMigrations(db).versions());
        }
    }

    private SchemaMigrations.Versions assertFlywayDecides(String change) throws Exception {
        try (Database db = setUpLedger()) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute(change);
            }
            assertFalse(SchemaHistory.matchesExactly(db, bundled(db)));
            SchemaMigrations.Versions v = new SchemaMigrations(db).versions();
            assertEquals(new SchemaMigrations(db).versionsFromFlyway(), v);
            return v;
        }
    }

    private static List<Migration> bundled(Database db) {
        return BundledMigrations.at(db.dialect().migrationLocation()).orElseThrow();
    }
}
