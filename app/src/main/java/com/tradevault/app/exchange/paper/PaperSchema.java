package com.tradevault.app.exchange.paper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The paper exchange's tables; created if missing, so opening an existing state file changes nothing.
 * Version 1 (PRAGMA user_version) widened the orders table: every Binance order type, client order ids
 * unique among open orders only, and the trailing-stop, quote-quantity and working-time columns. A
 * version 0 file is rebuilt into it once, keeping every row.
 */
final class PaperSchema {

    static final int VERSION = 1;

    private static final String ORDERS = "CREATE TABLE IF NOT EXISTS orders ("
            + " order_id INTEGER PRIMARY KEY AUTOINCREMENT,"
            + " symbol TEXT NOT NULL,"
            + " client_order_id TEXT NOT NULL,"
            + " side TEXT NOT NULL CHECK (side IN ('BUY','SELL')),"
            + " type TEXT NOT NULL CHECK (type IN ('MARKET','LIMIT','LIMIT_MAKER','STOP_LOSS','STOP_LOSS_LIMIT',"
            + "'TAKE_PROFIT','TAKE_PROFIT_LIMIT')),"
            + " status TEXT NOT NULL CHECK (status IN"
            + " ('NEW','PARTIALLY_FILLED','FILLED','CANCELED','REJECTED','EXPIRED')),"
            + " quantity_e8 INTEGER NOT NULL CHECK (quantity_e8 > 0),"
            + " executed_e8 INTEGER NOT NULL,"
            + " cum_quote_e8 INTEGER NOT NULL,"
            + " price_e8 INTEGER,"
            + " stop_price_e8 INTEGER,"
            + " triggered INTEGER NOT NULL CHECK (triggered IN (0,1)),"
            + " locked_asset TEXT NOT NULL,"
            + " locked_e8 INTEGER NOT NULL CHECK (locked_e8 >= 0),"
            + " created_us INTEGER NOT NULL,"
            + " updated_us INTEGER NOT NULL,"
            + " trailing_delta INTEGER CHECK (trailing_delta > 0),"
            + " trail_extreme_e8 INTEGER,"
            + " orig_quote_e8 INTEGER NOT NULL DEFAULT 0,"
            + " working_us INTEGER)";

    static final List<String> STATEMENTS = List.of(ORDERS,
            "CREATE INDEX IF NOT EXISTS orders_open ON orders (status, symbol)",
            "CREATE INDEX IF NOT EXISTS orders_client_id ON orders (client_order_id)",
            "CREATE TABLE IF NOT EXISTS trades ("
                    + " trade_id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " symbol TEXT NOT NULL,"
                    + " order_id INTEGER NOT NULL REFERENCES orders (order_id),"
                    + " side TEXT NOT NULL CHECK (side IN ('BUY','SELL')),"
                    + " price_e8 INTEGER NOT NULL,"
                    + " quantity_e8 INTEGER NOT NULL,"
                    + " commission_e8 INTEGER NOT NULL,"
                    + " commission_asset TEXT NOT NULL,"
                    + " time_us INTEGER NOT NULL)",
            "CREATE INDEX IF NOT EXISTS trades_order ON trades (order_id)",
            "CREATE TABLE IF NOT EXISTS balances ("
                    + " asset TEXT PRIMARY KEY,"
                    + " free_e8 INTEGER NOT NULL CHECK (free_e8 >= 0),"
                    + " locked_e8 INTEGER NOT NULL CHECK (locked_e8 >= 0))",
            "CREATE TABLE IF NOT EXISTS prices ("
                    + " symbol TEXT PRIMARY KEY,"
                    + " price_e8 INTEGER NOT NULL,"
                    + " ticks INTEGER NOT NULL,"
                    + " updated_us INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS candles ("
                    + " symbol TEXT NOT NULL,"
                    + " open_us INTEGER NOT NULL,"
                    + " open_e8 INTEGER NOT NULL,"
                    + " high_e8 INTEGER NOT NULL,"
                    + " low_e8 INTEGER NOT NULL,"
                    + " close_e8 INTEGER NOT NULL,"
                    + " PRIMARY KEY (symbol, open_us)) WITHOUT ROWID");

    private static final String OLD_COLUMNS = "order_id, symbol, client_order_id, side, type, status, quantity_e8,"
            + " executed_e8, cum_quote_e8, price_e8, stop_price_e8, triggered, locked_asset, locked_e8, created_us,"
            + " updated_us";

    private PaperSchema() {
    }

    /**
     * Brings {@code conn}'s file to {@link #VERSION}: creates what is missing, rebuilds a version 0 orders
     * table in one transaction. Runs before foreign keys are switched on, so that dropping the old table
     * does not touch the trades that point at it.
     */
    static void apply(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            if (version(st) < VERSION && hasTable(st, "orders")) {
                rebuildOrders(st);
            }
            for (String ddl : STATEMENTS) {
                st.execute(ddl);
            }
            st.execute("PRAGMA user_version = " + VERSION);
        }
    }

    private static void rebuildOrders(Statement st) throws SQLException {
        st.execute("BEGIN IMMEDIATE");
        try {
            st.execute(ORDERS.replace("IF NOT EXISTS orders", "orders_v1"));
            st.execute("INSERT INTO orders_v1 (" + OLD_COLUMNS + ", working_us) SELECT " + OLD_COLUMNS
                    + ", CASE WHEN type IN ('MARKET','LIMIT') OR triggered = 1 THEN created_us END FROM orders");
            st.execute("DROP TABLE orders");
            st.execute("ALTER TABLE orders_v1 RENAME TO orders");
            st.execute("COMMIT");
        } catch (SQLException e) {
            st.execute("ROLLBACK");
            throw e;
        }
    }

    private static int version(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean hasTable(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '"
                + name + "'")) {
            return rs.next();
        }
    }
}
