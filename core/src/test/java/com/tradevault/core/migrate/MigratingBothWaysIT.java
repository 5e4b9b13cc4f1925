package com.tradevault.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.Outcome;
import com.tradevault.core.Progress;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.RowCounts;
import com.tradevault.core.db.SettingUpDatabase;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate-to-postgres and migrate-to-sqlite against a real PostgreSQL server. */
class MigratingBothWaysIT {

    @TempDir
    Path dir;

    private Map<String, String> env;

    @Test
    void roundTripThroughPostgresKeepsEveryChecksumOnAdversarialData() throws Exception {
        OpeningDatabases sqlite = encryptedLedger();
        try (Database db = sqlite.openExisting()) {
            LedgerRows.adversarial(db);
        }
        String pg = PostgresServer.shared().newDatabase();

        MigratingToPostgres.Result there = new MigratingToPostgres(sqlite, pg, Clock.systemUTC()).run(false, 2, Progress.NONE);
        Path back = dir.resolve("back.db");
        MigratingToSqlite.Result home = new MigratingToSqlite(sqlite, new KeyResolver(env), Clock.systemUTC())
                .run(pg, back, 3, Progress.NONE);

        assertEquals(MigrationReport.VERIFIED, there.report().result(), there.report().json());
        assertEquals(MigrationReport.VERIFIED, home.report().result(), home.report().json());
        assertEquals(11, there.report().tables().size(), there.report().json());
        for (int i = 0; i < there.report().tables().size(); i++) {
            TableResult out = there.report().tables().get(i);
            TableResult in = home.report().tables().get(i);
            assertEquals(out.sourceChecksum(), in.targetChecksum(), out.table());
            assertTrue(out.sourceRows() > 0, out.table() + " has rows");
        }
        assertTrue(Files.exists(there.reportFile()), "report next to the ledger");
        assertFalse(home.generatedKey(), "the configured key is used");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(back)));
        try (Database copy = opened(back); Connection c = copy.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT quantity_e8, realized_pnl_e8, opened_at FROM positions"
                     + " WHERE id = 9223372036854775807")) {
            r.next();
            assertEquals(Long.MAX_VALUE, r.getLong(1));
            assertEquals(Long.MIN_VALUE, r.getLong(2));
            assertEquals("2026-11-21T07:41:00.123456Z", r.getString(3));
            assertTrue(copy.encrypted());
        }
    }

    @Test
    void readBackThroughBinaryCopyNoticesAMicrosecondAJsonDigitAndATrailingSpace() throws Exception {
        OpeningDatabases sqlite = encryptedLedger();
        try (Database db = sqlite.openExisting()) {
            LedgerRows.adversarial(db);
        }
        String pg = PostgresServer.shared().newDatabase();
        assertTrue(new MigratingToPostgres(sqlite, pg, Clock.systemUTC()).run(false, 2, Progress.NONE).report().ok());
        try (Database source = sqlite.openExisting(); Database target = opened(pg)) {
            Map<String, String> before = checksums(source);
            assertEquals(checksums(target), before, "SQLite read by ResultSet and PostgreSQL by COPY agree");
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                s.execute("UPDATE positions SET opened_at = opened_at + interval '1 microsecond' WHERE id = 1");
                s.execute("UPDATE trade_decisions SET payload = '[0]' WHERE id = 1");
                s.execute("UPDATE kv SET value = value || ' ' WHERE key = 'ключ 🔑'");
            }
            Map<String, String> after = checksums(target);
            for (String table : before.keySet()) {
                boolean changed = Set.of("positions", "trade_decisions", "kv").contains(table);
                assertEquals(changed, !before.get(table).equals(after.get(table)), table);
            }
        }
    }

    /** The checksum of every table of {@code read}, as the verification reads it. */
    private static Map<String, String> checksums(Database read) throws Exception {
        Map<String, String> hex = new java.util.LinkedHashMap<>();
        new ReadingBack(read, 2, Progress.NONE).digests(LedgerRows.tables(read)).forEach((table, d) -> hex.put(table, d.rows() + " " + d.hex()));
        return hex;
    }

    @Test
    void newRowsInEveryTableGetIdsPastTheLargestAfterMigrationEvenWithAPoolOfOne() throws Exception {
        encryptedLedger();
        OpeningDatabases sqlite = new OpeningDatabases(TestLedgers.settings(env, "db.pool-size = 1"),
                new KeyResolver(env));
        try (Database db = sqlite.openExisting()) {
            LedgerRows.ordinary(db);
        }
        String pg = PostgresServer.shared().newDatabase();
        assertTrue(new MigratingToPostgres(sqlite, pg, Clock.systemUTC()).run(false, 1000, Progress.NONE).report().ok());

        Map<String, Long> expected = Map.of("positions", 8L, "orders", 42L, "fills", 13L, "trade_decisions", 4L,
                "audit_log", 1001L, "state_snapshots", 6L);
        try (Database db = opened(pg)) {
            db.transaction(c -> {
                var d = db.dialect();
                LedgerRows.position(c, d, 0, "ETH", "OPEN", 1, 1, LedgerRows.SUB_MILLI, null, 0, null);
                return null;
            });
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM positions WHERE id = 0");
                s.execute("INSERT INTO positions (symbol, status, quantity_e8, entry_price_e8, highest_price_e8,"
                        + " trail_kind, trail_e8, opened_at, updated_at) VALUES ('ETH', 'OPEN', 1, 1, 1, 'PERCENT', 1,"
                        + " now(), now())");
                s.execute("INSERT INTO orders (client_order_id, symbol, side, type, purpose, quantity_e8, status,"
                        + " created_at, updated_at) VALUES ('tv-new', 'ETH', 'BUY', 'MARKET', 'ENTRY', 1, 'INTENT',"
                        + " now(), now())");
                s.execute("INSERT INTO fills (exchange_fill_id, order_id, price_e8, quantity_e8, filled_at)"
                        + " VALUES ('ETH:1', 41, 1, 1, now())");
                s.execute("INSERT INTO trade_decisions (symbol, decided_at, decision, payload) VALUES ('ETH', now(),"
                        + " 'HOLD', '{}')");
                s.execute("INSERT INTO audit_log (event_type, data, created_at) VALUES ('x', '{}', now())");
                s.execute("INSERT INTO state_snapshots (taken_at, data) VALUES (now(), '{}')");
                for (Map.Entry<String, Long> e : expected.entrySet()) {
                    try (ResultSet r = s.executeQuery("SELECT max(id) FROM " + e.getKey())) {
                        r.next();
                        assertEquals(e.getValue(), r.getLong(1), e.getKey());
                    }
                }
            }
        }
    }

    @Test
    void migratedSchemaIsExactlyTheSchemaSetupDbBuilds() throws Exception {
        OpeningDatabases sqlite = encryptedLedger();
        try (Database db = sqlite.openExisting()) {
            LedgerRows.ordinary(db);
        }
        String migrated = PostgresServer.shared().newDatabase();
        String fresh = PostgresServer.shared().newDatabase();
        new MigratingToPostgres(sqlite, migrated, Clock.systemUTC()).run(false, 2, Progress.NONE);
        new SettingUpDatabase(new OpeningDatabases(TestLedgers.settings(env).withUrl(fresh), new KeyResolver(env)),
                Clock.systemUTC()).run();

        assertEquals(schema(fresh), schema(migrated));
    }

    /** Every index and constraint definition of the public schema, sorted. */
    private List<String> schema(String url) throws Exception {
        List<String> definitions = new java.util.ArrayList<>();
        try (Database db = opened(url); Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT tablename || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public'"
                     + " UNION ALL SELECT conrelid::regclass || ': ' || conname || ' ' || pg_get_constraintdef(oid)"
                     + " FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1")) {
            while (r.next()) {
                definitions.add(r.getString(1));
            }
        }
        assertTrue(definitions.size() > 40, definitions::toString);
        return definitions;
    }

    @Test
    void migrationRefusesWhileTheBotHoldsTheLedger() throws Exception {
        OpeningDatabases sqlite = encryptedLedger();
        String pg = PostgresServer.shared().newDatabase();
        try (Database db = sqlite.openExisting(); InstanceLock bot = db.dialect().lockForWriting(db)) {
            TradevaultException e = assertThrows(TradevaultException.class,
                    () -> new MigratingToPostgres(sqlite, pg, Clock.systemUTC()).run(false, 1000, Progress.NONE));
            assertEquals(Outcome.LOCKED, e.outcome());
            assertEquals("ledger " + sqlite.dialect().location() + " is in use by another tradevault process (PID "
                    + ProcessHandle.current().pid() + ")", e.getMessage());
        }
    }

    /**
     * PostgreSQL holds timestamps past the year 9999, SQLite's text cannot:
     * the bulk read finds the row, reads its slice again to name it, and
     * nothing is written (a COPY cut short would have ended the read).
     */
    @Test
    void aPostgresRowSqliteCannotHoldIsNamedAndNothingIsWritten() throws Exception {
        OpeningDatabases sqlite = encryptedLedger();
        try (Database db = sqlite.openExisting()) {
            LedgerRows.adversarial(db);
        }
        String pg = PostgresServer.shared().newDatabase();
        assertEquals(MigrationReport.VERIFIED, new MigratingToPostgres(sqlite, pg, Clock.systemUTC())
                .run(false, 100, Progress.NONE).report().result());
        try (Database db = opened(pg); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE positions SET opened_at = '12026-01-01T00:00:00Z' WHERE id = 1");
        }
        Path back = dir.resolve("back.db");

        MigratingToSqlite.Result home = new MigratingToSqlite(sqlite, new KeyResolver(env), Clock.systemUTC())
                .run(pg, back, 100, Progress.NONE);

        assertEquals(MigrationReport.PREFLIGHT_FAILED, home.report().result(), home.report().json());
        assertEquals(List.of("positions id 1, opened_at: +12026-01-01T00:00:00Z is outside the years 0000 to 9999 that"
                + " both backends hold"), home.report().preflight().stream().map(Offense::describe).toList());
        assertFalse(Files.exists(back), "nothing written");
    }

    @Test
    void migrationBackRefusesWhileTheBotRunsOnPostgres() throws Exception {
        OpeningDatabases sqlite = encryptedLedger();
        String pg = PostgresServer.shared().newDatabase();
        OpeningDatabases onPostgres = new OpeningDatabases(TestLedgers.settings(env).withUrl(pg), new KeyResolver(env));
        new SettingUpDatabase(onPostgres, Clock.systemUTC()).run();
        Path back = dir.resolve("back.db");
        try (Database db = onPostgres.openExisting(); InstanceLock bot = db.dialect().lockForWriting(db)) {
            TradevaultException e = assertThrows(TradevaultException.class, () -> new MigratingToSqlite(sqlite,
                    new KeyResolver(env), Clock.systemUTC()).run(pg, back, 100, Progress.NONE));
            assertEquals(Outcome.LOCKED, e.outcome());
            assertEquals("ledger " + onPostgres.dialect().location() + " is in use by another tradevault process"
                    + " (tradevault pid " + ProcessHandle.current().pid() + ", from 127.0.0.1)", e.getMessage());
        }
        assertFalse(Files.exists(back), "nothing written");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".back.db")).toList());
        }
    }

    @Test
    void migrationRefusesATargetThatHoldsRows() throws Exception {
        OpeningDatabases sqlite = encryptedLedger();
        String pg = PostgresServer.shared().newDatabase();
        OpeningDatabases target = new OpeningDatabases(TestLedgers.settings(env).withUrl(pg), new KeyResolver(env));
        new SettingUpDatabase(target, Clock.systemUTC()).run();
        try (Database db = target.openExisting()) {
            LedgerRows.ordinary(db);
        }
        TradevaultException e = assertThrows(TradevaultException.class,
                () -> new MigratingToPostgres(sqlite, pg, Clock.systemUTC()).run(false, 1000, Progress.NONE));
        assertEquals(Outcome.FAILURE, e.outcome());
        assertEquals("target " + target.dialect().location() + " is not empty: table alert_outbox has 1 rows; nothing"
                + " was copied", e.getMessage());
    }

    @Test
    void dryRunChecksAndCountsButLeavesTheTargetUntouched() throws Exception {
        OpeningDatabases sqlite = encryptedLedger();
        try (Database db = sqlite.openExisting()) {
            LedgerRows.ordinary(db);
        }
        String pg = PostgresServer.shared().newDatabase();
        MigrationReport report = new MigratingToPostgres(sqlite, pg, Clock.systemUTC()).run(true, 1000, Progress.NONE)
                .report();
        assertEquals(MigrationReport.DRY_RUN_PASSED, report.result());
        assertEquals(List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L),
                report.tables().stream().map(TableResult::sourceRows).toList());
        try (Database db = opened(pg); Connection c = db.connect()) {
            assertEquals(Map.of(), RowCounts.of(c));
        }
    }

    @Test
    void migrateToSqliteRefusesAnExistingTarget() throws Exception {
        encryptedLedger();
        Path existing = Files.writeString(dir.resolve("there.db"), "keep me");
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        TradevaultException e = assertThrows(TradevaultException.class, () -> new MigratingToSqlite(opening,
                new KeyResolver(env), Clock.systemUTC()).run(PostgresServer.shared().newDatabase(), existing, 10,
                Progress.NONE));
        assertEquals(existing + " already exists; refusing to overwrite it", e.getMessage());
        assertEquals("keep me", Files.readString(existing));
    }

    private OpeningDatabases encryptedLedger() {
        env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        new SettingUpDatabase(opening, Clock.systemUTC()).run();
        return opening;
    }

    private Database opened(Path file) {
        DbSettings settings = TestLedgers.settings(env).withUrl("jdbc:sqlite:" + file);
        return new OpeningDatabases(settings, new KeyResolver(env)).openExisting();
    }

    private Database opened(String url) {
        return new OpeningDatabases(TestLedgers.settings(env).withUrl(url), new KeyResolver(env)).openExisting();
    }
}
