package com.tradevault.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What schema v1 guarantees, asserted identically on both dialects. */
abstract class LedgerSchemaContract {

    private Database db;

    /** A freshly set-up, empty ledger of the dialect under test. */
    abstract Database ledger() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = ledger();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private int insertOrder(String clientId, String type, Long price, Long stop, String status) throws SQLException {
        String sql = "INSERT INTO orders (client_order_id, symbol, side, type, purpose, quantity_e8, price_e8,"
                + " stop_price_e8, status, created_at, updated_at) VALUES (?, 'BTCUSDT', 'SELL', ?, 'STOP', ?, ?, ?, ?, ?, ?)";
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, clientId);
                s.setString(2, type);
                s.setLong(3, 150_000_000L);
                s.setObject(4, price);
                s.setObject(5, stop);
                s.setString(6, status);
                db.dialect().values().setInstant(s, 7, Instant.parse("2026-11-21T07:41:00.123456Z"));
                db.dialect().values().setInstant(s, 8, Instant.parse("2026-11-21T07:41:00.123456Z"));
                return s.executeUpdate();
            }
        });
    }

    private String one(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), sql);
            return r.getString(1);
        }
    }

    @Test
    void readableViewShowsExactDecimals() throws Exception {
        insertOrder("tv-1", "STOP_LOSS_LIMIT", 6_543_210_000_001L, 6_500_000_000_000L, "NEW");

        assertEquals("1.5", one("SELECT quantity FROM v_orders"));
        assertEquals("65432.10000001", one("SELECT price FROM v_orders"));
        assertEquals("65000", one("SELECT stop_price FROM v_orders"));
    }

    /**
     * The column qualifies the venue's id by its symbol (v9: venues number
     * orders per symbol); the view shows the venue's own.
     */
    @Test
    void readableViewShowsTheVenuesOwnOrderId() throws Exception {
        insertOrder("tv-1", "STOP_LOSS", null, 6_500_000_000_000L, "NEW");
        db.transaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("UPDATE orders SET exchange_order_id = 'BTCUSDT:12345'");
            }
        });

        assertEquals("12345", one("SELECT exchange_order_id FROM v_orders"));
    }

    @Test
    void timestampsRoundTripToTheMicrosecond() throws Exception {
        insertOrder("tv-1", "STOP_LOSS", null, 6_500_000_000_000L, "NEW");

        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT created_at FROM orders")) {
            assertTrue(r.next());
            assertEquals(Instant.parse("2026-11-21T07:41:00.123456Z"),
                    db.dialect().values().getInstant(r, "created_at"));
        }
    }

    @Test
    void enumerationsAreChecked() {
        assertThrows(SQLException.class, () -> insertOrder("tv-1", "TRAILING_MAGIC", null, null, "NEW"));
        assertThrows(SQLException.class, () -> insertOrder("tv-2", "MARKET", null, null, "SENT"));
    }

    @Test
    void stopOrdersNeedAStopPrice() {
        assertThrows(SQLException.class, () -> insertOrder("tv-1", "STOP_LOSS", null, null, "NEW"));
    }

    @Test
    void clientOrderIdsAreUnique() throws Exception {
        insertOrder("tv-1", "MARKET", null, null, "INTENT");

        assertThrows(SQLException.class, () -> insertOrder("tv-1", "MARKET", null, null, "INTENT"));
    }

    @Test
    void fillsMustBelongToAnOrder() {
        String sql = "INSERT INTO fills (exchange_fill_id, order_id, price_e8, quantity_e8, filled_at)"
                + " VALUES ('BTCUSDT:1', 999, 1, 1, '2026-11-21T07:41:00.000000Z')";
        assertThrows(SQLException.class, () -> db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.replace("'2026-11-21T07:41:00.000000Z'", "?"))) {
                db.dialect().values().setInstant(s, 1, Instant.EPOCH);
                return s.executeUpdate();
            }
        }));
    }

    @Test
    void jsonIsValidatedOnInsert() {
        String sql = "INSERT INTO audit_log (event_type, data, created_at) VALUES ('test', "
                + db.dialect().values().jsonPlaceholder() + ", ?)";
        assertThrows(SQLException.class, () -> db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, "{not json");
                db.dialect().values().setInstant(s, 2, Instant.EPOCH);
                return s.executeUpdate();
            }
        }));
    }

    @Test
    void atMostOneOpenPositionPerSymbol() throws Exception {
        String sql = "INSERT INTO positions (symbol, status, quantity_e8, entry_price_e8, highest_price_e8, trail_kind,"
                + " trail_e8, opened_at, closed_at, updated_at) VALUES ('BTCUSDT', ?, 1, 1, 1, 'PERCENT', 1, ?, ?, ?)";
        SqlWork<Integer> open = c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, "OPEN");
                db.dialect().values().setInstant(s, 2, Instant.EPOCH);
                db.dialect().values().setInstant(s, 3, null);
                db.dialect().values().setInstant(s, 4, Instant.EPOCH);
                return s.executeUpdate();
            }
        };
        db.transaction(open);

        assertThrows(SQLException.class, () -> db.transaction(open));
    }
}
