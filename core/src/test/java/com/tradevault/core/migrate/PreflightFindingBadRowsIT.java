package com.tradevault.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradevault.core.Outcome;
import com.tradevault.core.Progress;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.RowCounts;
import com.tradevault.core.db.SettingUpDatabase;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows that slipped past SQLite's constraints are each named before anything is copied. */
class PreflightFindingBadRowsIT {

    @TempDir
    Path dir;

    @Test
    void preflightNamesEveryOffendingRowAndCopiesNothing() throws Exception {
        Map<String, String> env = TestLedgers.env(dir);
        OpeningDatabases sqlite = new OpeningDatabases(TestLedgers.settings(env, "db.encryption = off"),
                new KeyResolver(env));
        new SettingUpDatabase(sqlite, Clock.systemUTC()).run();
        try (Database db = sqlite.openExisting()) {
            LedgerRows.ordinary(db);
            insertBadRows(db);
        }
        String pg = PostgresServer.shared().newDatabase();

        MigratingToPostgres.Result result = new MigratingToPostgres(sqlite, pg, Clock.systemUTC())
                .run(false, 1000, Progress.NONE);

        assertEquals(MigrationReport.PREFLIGHT_FAILED, result.report().result());
        assertEquals(List.of(
                "ledger: integrity check: CHECK constraint failed in orders",
                "ledger: integrity check: CHECK constraint failed in trade_decisions",
                "ledger: integrity check: CHECK constraint failed in positions",
                "ledger: orders row 50: position_id = 999 refers to a missing positions row",
                "positions id 20, quantity_e8: '1.5' is not an integer (stored as REAL)",
                "positions id 20: status OPEN with closed_at 2026-01-02T00:00:00Z: an OPEN position has no closed_at and"
                        + " a CLOSED one has one",
                "orders id 50, status: 'SHIPPED' is not one of CANCELED, EXPIRED, FILLED, INTENT, NEVER_SENT, NEW,"
                        + " PARTIALLY_FILLED, REJECTED",
                "fills id 30, filled_at: '2026-13-45T00:00:00.000000Z' is not a UTC timestamp like"
                        + " 2026-01-31T23:59:59.123456Z (stored as TEXT)",
                "trade_decisions id 10, payload: '{\"a\":' is not valid JSON (Unexpected end-of-input within/between"
                        + " Object entries)",
                "audit_log id 2000, data: '{\"s\": \"\\u0000\"}' contains \\u0000, which PostgreSQL JSONB rejects",
                "kv key 'nul', value: 'a\\u0000b' contains a NUL character, which PostgreSQL text rejects"),
                result.report().preflight().stream().map(Offense::describe).toList());
        TradevaultException failure = result.report().failure(result.reportFile()).orElseThrow();
        assertEquals(Outcome.INTEGRITY_PROBLEM, failure.outcome());
        assertEquals("preflight found 11 problem(s) in " + sqlite.dialect().location() + "; nothing was copied",
                failure.getMessage());
        try (Database target = new OpeningDatabases(TestLedgers.settings(env).withUrl(pg), new KeyResolver(env))
                .openExisting(); Connection c = target.connect()) {
            assertSchemaOnly(RowCounts.of(c), "schema only: the copy was rolled back");
        }
    }

    @Test
    void rowsSqliteAcceptsButPostgresWouldRejectStopTheCopyAndARerunAfterTheFixSucceeds() throws Exception {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        OpeningDatabases sqlite = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        new SettingUpDatabase(sqlite, Clock.systemUTC()).run();
        try (Database db = sqlite.openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            LedgerRows.ordinary(db);
            s.execute("INSERT INTO audit_log (id, event_type, data, created_at) VALUES (2000, 'x', '[\"\\u0000\"]',"
                    + " '2026-01-01T00:00:00.000000Z')");
            s.execute("UPDATE positions SET realized_pnl_e8 = 0.5 WHERE id = 7");
        }
        String pg = PostgresServer.shared().newDatabase();

        MigrationReport first = new MigratingToPostgres(sqlite, pg, Clock.systemUTC()).run(false, 1, Progress.NONE).report();

        assertEquals(List.of("positions id 7, realized_pnl_e8: '0.5' is not an integer (stored as REAL)",
                "audit_log id 2000, data: '[\"\\u0000\"]' contains \\u0000, which PostgreSQL JSONB rejects"),
                first.preflight().stream().map(Offense::describe).toList());
        try (Database target = new OpeningDatabases(TestLedgers.settings(env).withUrl(pg), new KeyResolver(env))
                .openExisting(); Connection c = target.connect()) {
            assertSchemaOnly(RowCounts.of(c), "schema only: the copy was rolled back");
        }
        try (Database db = sqlite.openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM audit_log WHERE id = 2000");
            s.execute("UPDATE positions SET realized_pnl_e8 = 1 WHERE id = 7");
        }
        assertEquals(MigrationReport.VERIFIED, new MigratingToPostgres(sqlite, pg, Clock.systemUTC())
                .run(false, 1, Progress.NONE).report().result());
    }

    /** What a damaged or hand-edited ledger can hold once its constraints are bypassed. */
    static void insertBadRows(Database db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("PRAGMA ignore_check_constraints = ON");
            s.execute("INSERT INTO positions (id, symbol, status, quantity_e8, entry_price_e8, highest_price_e8,"
                    + " trail_kind, trail_e8, opened_at, closed_at, updated_at) VALUES (20, 'ETH', 'OPEN', 1.5, 1, 1,"
                    + " 'PERCENT', 1, '2026-01-01T00:00:00.000000Z', '2026-01-02T00:00:00.000000Z',"
                    + " '2026-01-01T00:00:00.000000Z')");
            s.execute("INSERT INTO orders (id, client_order_id, position_id, symbol, side, type, purpose, quantity_e8,"
                    + " status, created_at, updated_at) VALUES (50, 'tv-50', 999, 'BTC', 'BUY', 'MARKET', 'ENTRY', 1,"
                    + " 'SHIPPED', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z')");
            s.execute("INSERT INTO fills (id, exchange_fill_id, order_id, price_e8, quantity_e8, filled_at)"
                    + " VALUES (30, 'BTC:30', 41, 1, 1, '2026-13-45T00:00:00.000000Z')");
            s.execute("INSERT INTO trade_decisions (id, symbol, decided_at, decision, payload) VALUES (10, 'BTC',"
                    + " '2026-01-01T00:00:00.000000Z', 'HOLD', '{\"a\":')");
            s.execute("INSERT INTO audit_log (id, event_type, data, created_at) VALUES (2000, 'x', '{\"s\": \"\\u0000\"}',"
                    + " '2026-01-01T00:00:00.000000Z')");
            s.execute("INSERT INTO kv (key, value, updated_at) VALUES ('nul', 'a' || char(0) || 'b',"
                    + " '2026-01-01T00:00:00.000000Z')");
        }
    }

    /** Every table empty, the schema history holding one row per migration. */
    private static void assertSchemaOnly(java.util.Map<String, Long> counts, String message) {
        java.util.Map<String, Long> expected = new java.util.TreeMap<>();
        counts.keySet().forEach(table -> expected.put(table, 0L));
        expected.put("flyway_schema_history", (long) TestLedgers.schemaVersions().size());
        assertEquals(expected, new java.util.TreeMap<>(counts), message);
        assertEquals(true, counts.containsKey("orders"), message);
    }
}
