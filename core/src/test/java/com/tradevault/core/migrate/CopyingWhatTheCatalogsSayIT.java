package com.tradevault.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.tradevault.core.Outcome;
import com.tradevault.core.Progress;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.RowCounts;
import com.tradevault.core.db.SchemaMigrations;
import com.tradevault.core.db.SettingUpDatabase;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy and its verification follow the catalogs: a column and a table
 * that a (test-only) migration adds are carried both ways and verified with
 * no change to the code; a copy that leaves a column out, a column on one
 * side only, and a column or table the copy cannot place are each caught
 * and named.
 */
class CopyingWhatTheCatalogsSayIT {

    private static final String NOT_IN_TARGET = "is in the source but not in the target, whose schema the migrations"
            + " made; add it to the migrations of both dialects, or drop it";

    @TempDir
    Path dir;

    private Map<String, String> env;

    /** The dialect's migrations and the test-only ones of db/copy-test-migration (v1000: columns, v1001: a table). */
    static SchemaMigrations withTestMigrations(Database db) {
        return new SchemaMigrations(db, List.of(db.dialect().migrationLocation()
                .replace("db/migration", "db/copy-test-migration")));
    }

    @Test
    void aColumnAndATableAMigrationAddsAreCarriedThereAndBackAndVerified() throws Exception {
        String pg = PostgresServer.shared().newDatabase();
        Path back = dir.resolve("back.db");
        MigrationReport there;
        MigrationReport home;
        try (Database source = ledgerWithTestMigrations()) {
            try (Database target = open(pg)) {
                there = move(MigratingToPostgres.COMMAND, source, target, CopyingWhatTheCatalogsSayIT::withTestMigrations);
            }
        }
        try (Database source = open(pg); Database target = open("jdbc:sqlite:" + back)) {
            home = move(MigratingToSqlite.COMMAND, source, target, CopyingWhatTheCatalogsSayIT::withTestMigrations);
        }

        assertEquals(MigrationReport.VERIFIED, there.result(), there.json());
        assertEquals(MigrationReport.VERIFIED, home.result(), home.json());
        TableResult tags = there.tables().stream().filter(t -> t.table().equals("test_order_tags")).findFirst()
                .orElseThrow();
        assertEquals(2, tags.targetRows());
        assertEquals(there.tables().stream().map(TableResult::sourceChecksum).toList(),
                home.tables().stream().map(TableResult::targetChecksum).toList(), "the same checksums both ways");
        assertEquals(List.of("carried|2026-11-21T07:41:00.123456Z", "|"), column(back, "SELECT coalesce(test_note, '')"
                + " || '|' || coalesce(test_noted_at, '') FROM orders WHERE id IN (3, 2) ORDER BY id DESC"));
        assertEquals(List.of("5|3|stop moved|{\"a\":\"é\",\"b\":[1,2.50]}|0000-01-01T00:00:00.000000Z"), column(back,
                "SELECT id || '|' || order_id || '|' || tag || '|' || detail || '|' || tagged_at FROM test_order_tags"
                        + " WHERE id = 5"));
    }

    /** The blind spot of issue 14: a copy told to leave a column out, and a checksum taken of what it copied. */
    @Test
    void aCopyThatLeavesOutAColumnFailsTheVerification() throws Exception {
        String pg = PostgresServer.shared().newDatabase();
        try (Database source = ledger(); Database target = open(pg)) {
            new SchemaMigrations(target).migrate();
            List<LedgerTables.Table> tables = LedgerRows.tables(source).stream()
                    .map(t -> t.name().equals("orders") ? without(t, "cancel_requested_at") : t).toList();
            LedgerCopy copy = new LedgerCopy(source, target, 2, Progress.NONE);

            LedgerCopy.Copied copied = copy.copy(tables, 0, List::of);
            List<TableResult> results = copy.verify(copied.digests(), 0);

            assertEquals(List.of(), copied.offenses());
            TableResult orders = results.stream().filter(r -> r.table().equals("orders")).findFirst().orElseThrow();
            assertFalse(orders.equal());
            assertEquals("the source checksum of orders leaves out cancel_requested_at", orders.difference());
            assertNotEquals(orders.sourceChecksum(), orders.targetChecksum());
            assertEquals(List.of("orders"), results.stream().filter(r -> !r.equal()).map(TableResult::table).toList());
        }
    }

    @Test
    void aColumnOnOneSideOnlyFailsTheVerificationWithItsName() throws Exception {
        String pg = PostgresServer.shared().newDatabase();
        try (Database source = ledger(); Database target = open(pg)) {
            assertEquals(MigrationReport.VERIFIED, move(MigratingToPostgres.COMMAND, source, target,
                    SchemaMigrations::new).result());
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE fills ADD COLUMN note TEXT");
            }
            Map<String, TableDigest> ours = new ReadingBack(source, 2, Progress.NONE).digests(LedgerRows.tables(source));

            List<TableResult> results = new LedgerCopy(source, target, 2, Progress.NONE).verify(ours, 0);

            MigrationReport report = new MigrationReport(MigratingToPostgres.COMMAND, "s", "t", "", "", false,
                    MigrationReport.VERIFICATION_FAILED, List.of(), results, 0, Map.of(), 0, 0);
            TradevaultException failure = report.failure(dir.resolve("report.json")).orElseThrow();
            assertEquals(Outcome.INTEGRITY_PROBLEM, failure.outcome());
            assertEquals("verification failed: fills differ(s) between s and t (fills.note is only in the target;"
                    + " the source checksum of fills leaves out note)", failure.getMessage());
        }
    }

    @Test
    void aColumnAndATableTheTargetsMigrationsLackStopTheCopyBeforeAnyRow() throws Exception {
        String pg = PostgresServer.shared().newDatabase();
        try (Database source = ledgerWithTestMigrations(); Database target = open(pg)) {
            MigrationReport report = move(MigratingToPostgres.COMMAND, source, target,
                    db -> db == source ? withTestMigrations(db) : new SchemaMigrations(db));

            assertEquals(MigrationReport.PREFLIGHT_FAILED, report.result(), report.json());
            assertEquals(List.of("orders, test_note: " + NOT_IN_TARGET, "orders, test_noted_at: " + NOT_IN_TARGET,
                    "test_order_tags: " + NOT_IN_TARGET), report.preflight().stream().map(Offense::describe).toList());
            assertEquals(0, rows(target), "nothing copied");
        }
    }

    @Test
    void aColumnOfATypeTheCopyCannotCarryATableWithoutAKeyAndAQuotedNameStopThePreflightAndNothingIsWritten() throws Exception {
        OpeningDatabases sqlite = setUp();
        try (Database db = sqlite.openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE positions ADD COLUMN weight REAL");
            s.execute("CREATE TABLE notes (body TEXT)");
            s.execute("ALTER TABLE kv ADD COLUMN \"Set By\" TEXT");
        }
        String pg = PostgresServer.shared().newDatabase();
        List<String> expected = List.of("positions, weight: has type REAL, which the copy cannot carry exactly between"
                + " SQLite and PostgreSQL (it carries 64-bit integers, text, UTC timestamps and JSON)", "kv, Set By: has"
                + " a name that is not a plain lower-case SQL identifier, which the copy writes into its statements"
                + " unquoted", "notes: has no single-column primary key, by which the copy reads it in parts and names"
                + " its rows");

        for (boolean dryRun : new boolean[] {true, false}) {
            MigratingToPostgres.Result result = new MigratingToPostgres(sqlite, pg, Clock.systemUTC()).run(dryRun, 10,
                    Progress.NONE);

            assertEquals(MigrationReport.PREFLIGHT_FAILED, result.report().result());
            assertEquals(expected, result.report().preflight().stream().map(Offense::describe).toList());
            TradevaultException failure = result.report().failure(result.reportFile()).orElseThrow();
            assertEquals(Outcome.INTEGRITY_PROBLEM, failure.outcome());
            assertEquals("preflight found 3 problem(s) in " + sqlite.dialect().location() + "; nothing was copied",
                    failure.getMessage());
            try (Database target = open(pg); Connection c = target.connect()) {
                assertEquals(Map.of(), RowCounts.of(c), "not even the schema was written");
            }
        }
    }

    private MigrationReport move(String command, Database source, Database target,
                                 Function<Database, SchemaMigrations> migrations) {
        return new LedgerMove(command, source, target, Clock.systemUTC(), migrations).run(false, 2, Progress.NONE);
    }

    private OpeningDatabases setUp() {
        env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        new SettingUpDatabase(opening, Clock.systemUTC()).run();
        return opening;
    }

    /** An encrypted ledger with the adversarial rows, cancel requests among them. */
    private Database ledger() throws Exception {
        Database db = setUp().openExisting();
        LedgerRows.adversarial(db);
        return db;
    }

    private Database ledgerWithTestMigrations() throws Exception {
        Database db = setUp().openExisting();
        withTestMigrations(db).migrate();
        LedgerRows.adversarial(db);
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE orders SET test_note = 'carried', test_noted_at = ?"
                    + " WHERE id = 3")) {
                db.dialect().values().setInstant(s, 1, LedgerRows.SUB_MILLI);
                s.executeUpdate();
            }
            tag(c, db.dialect(), 5, "{\"b\": [1, 2.50], \"a\": \"é\"}");
            tag(c, db.dialect(), Long.MAX_VALUE, "[]");
            return null;
        });
        return db;
    }

    private static void tag(Connection c, Dialect d, long id, String detail) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO test_order_tags (id, order_id, tag, detail,"
                + " tagged_at) VALUES (?, 3, 'stop moved', " + d.values().jsonPlaceholder() + ", ?)")) {
            s.setLong(1, id);
            s.setString(2, detail);
            d.values().setInstant(s, 3, LedgerRows.EARLIEST);
            s.executeUpdate();
        }
    }

    private static LedgerTables.Table without(LedgerTables.Table table, String column) {
        return new LedgerTables.Table(table.name(), table.key(), table.identity(),
                table.columns().stream().filter(c -> !c.name().equals(column)).toList());
    }

    private Database open(String url) {
        return Dialect.forUrl(url).open(TestLedgers.settings(env).withUrl(url).withEncryption(false)
                .withPoolOfAtLeast(LedgerCopy.CONNECTIONS), Optional.empty(), true);
    }

    private List<String> column(Path file, String sql) throws Exception {
        try (Database db = open("jdbc:sqlite:" + file); Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (r.next()) {
                values.add(r.getString(1));
            }
            return values;
        }
    }

    private static long rows(Database db) throws Exception {
        try (Connection c = db.connect()) {
            return RowCounts.of(c).entrySet().stream().filter(e -> !e.getKey().equals("flyway_schema_history"))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }
}
