package com.tradevault.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema v9 (venue order ids qualified by their symbol), applied to a ledger
 * frozen at v8 with an acknowledged order, an intent the venue never numbered
 * and the same venue id on another symbol, which v8 refused.
 */
class OrderIdsPerSymbolMigrationTest {

    private static final String ORDER = "INSERT INTO orders (client_order_id, exchange_order_id, symbol, side, type,"
            + " purpose, quantity_e8, status, created_at, updated_at) VALUES ('%s', %s, '%s', 'BUY', 'MARKET', 'ENTRY',"
            + " 300000, '%s', '2026-11-21T08:00:00.000000Z', '2026-11-21T08:00:00.000000Z')";

    @TempDir
    Path dir;

    @Test
    void aV8LedgerKeepsItsOrdersWithTheirVenueIdsQualifiedBySymbol() throws Exception {
        OpeningDatabases opening = FrozenLedger.at(dir, 8, List.of(
                String.format(ORDER, "tv-e-1", "'12345'", "BTCUSDT", "FILLED"),
                String.format(ORDER, "tv-e-2", "NULL", "BTCUSDT", "INTENT")));

        SettingUpDatabase.Report report = new SettingUpDatabase(opening, Clock.systemUTC()).run();

        assertEquals(8, report.from());
        try (Database db = opening.openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(String.format(ORDER, "tv-e-3", "'ETHUSDT:12345'", "ETHUSDT", "FILLED"));
            assertEquals("tv-e-1 BTCUSDT:12345 12345|tv-e-2 - -|tv-e-3 ETHUSDT:12345 12345", one(s,
                    "SELECT group_concat(o.client_order_id || ' ' || coalesce(o.exchange_order_id, '-') || ' '"
                    + " || coalesce(v.exchange_order_id, '-'), '|') FROM orders o JOIN v_orders v ON v.id = o.id"));
            assertEquals("ok", one(s, "PRAGMA integrity_check"));
        }
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
