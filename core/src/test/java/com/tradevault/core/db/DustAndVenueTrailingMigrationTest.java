package com.tradevault.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Schema v7 (orders.trailing_delta, the dust table), applied to a ledger
 * frozen at v3 with an order and its fill. SQLite loosens the stop rule by
 * editing the table's definition in place: the rows, the fill's foreign key
 * and the integrity of the file must come through untouched.
 */
class DustAndVenueTrailingMigrationTest {

    private static final String AT = "'2026-11-21T08:00:00.000000Z'";

    @TempDir
    Path dir;

    @Test
    void aV3LedgerWithAnOrderAndItsFillMigratesKeepingThemAndAcceptsAStopWithOnlyATrailingDelta() throws Exception {
        OpeningDatabases opening = FrozenLedger.at(dir, 3, List.of("INSERT INTO orders (id, client_order_id, symbol,"
                + " side, type, purpose, quantity_e8, stop_price_e8, price_e8, status, created_at, updated_at) VALUES"
                + " (5, 'tv-s-v3', 'BTCUSDT', 'SELL', 'STOP_LOSS_LIMIT', 'STOP', 299000, 2985000000000, 2970075000000,"
                + " 'FILLED', " + AT + ", " + AT + ")", "INSERT INTO fills (exchange_fill_id, order_id, price_e8,"
                + " quantity_e8, filled_at) VALUES ('BTCUSDT:7', 5, 2984000000000, 299000, " + AT + ")"));

        SettingUpDatabase.Report report = new SettingUpDatabase(opening, Clock.systemUTC()).run();

        assertEquals(3, report.from());
        try (Database db = opening.openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            assertEquals("tv-s-v3 2985000000000 null 1", one(s, "SELECT o.client_order_id || ' ' || o.stop_price_e8"
                    + " || ' ' || coalesce(o.trailing_delta, 'null') || ' ' || count(f.id) FROM orders o"
                    + " JOIN fills f ON f.order_id = o.id"));
            assertFalse(s.executeQuery("PRAGMA foreign_key_check").next(), "the fill still references its order");
            assertEquals("ok", one(s, "PRAGMA integrity_check"));
            s.execute("INSERT INTO orders (client_order_id, symbol, side, type, purpose, quantity_e8, price_e8,"
                    + " trailing_delta, status, created_at, updated_at) VALUES ('tv-s-trail', 'BTCUSDT', 'SELL',"
                    + " 'STOP_LOSS_LIMIT', 'STOP', 299000, 2970075000000, 150, 'NEW', " + AT + ", " + AT + ")");
            assertEquals("150", one(s, "SELECT trailing_delta FROM v_orders WHERE client_order_id = 'tv-s-trail'"));
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO orders (client_order_id, symbol, side, type,"
                    + " purpose, quantity_e8, status, created_at, updated_at) VALUES ('tv-s-none', 'BTCUSDT', 'SELL',"
                    + " 'STOP_LOSS', 'STOP', 299000, 'NEW', " + AT + ", " + AT + ")"), "a stop needs a trigger");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO orders (client_order_id, symbol, side, type,"
                    + " purpose, quantity_e8, trailing_delta, status, created_at, updated_at) VALUES ('tv-e-x',"
                    + " 'BTCUSDT', 'BUY', 'MARKET', 'ENTRY', 299000, 100, 'NEW', " + AT + ", " + AT + ")"),
                    "a market order has no trailing delta");
            s.execute("INSERT INTO dust (symbol, asset, quantity_e8, updated_at) VALUES ('BTCUSDT', 'BTC', 700, " + AT
                    + ")");
            assertThrows(SQLException.class, () -> s.execute("UPDATE dust SET quantity_e8 = -1"));
            assertTrue(report.snapshot().isPresent(), "a snapshot of the v3 ledger is set aside first");
        }
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), sql);
            return r.getString(1);
        }
    }
}
