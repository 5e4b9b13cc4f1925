package com.tradevault.core.migrate;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.LedgerTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Rows for migration tests, written through the dialect as the bot writes them. */
final class LedgerRows {

    static final long MAX = Long.MAX_VALUE;
    static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    static final Instant SUB_MILLI = Instant.parse("2026-11-21T07:41:00.123456Z");
    static final Instant BEFORE_EPOCH = Instant.parse("1969-12-31T23:59:59.999999Z");
    static final String NESTED_JSON = "{\"b\": [1, 2.50, {\"z\": null, \"a\": \"é\\n\\\"q\\\" \\u00e9 \\ud83d\\ude80\"}],"
            + " \"a\": 1e2, \"big\": 123456789012345678901234567890.123456789, \"dup\": 1, \"dup\": 2,"
            + " \"deep\": [[[[[[[[[[{\"x\": [true, false, null, -0.0, 1E-7]}]]]]]]]]]], \"unicode\": \"日本語 עברית 🚀\"}";

    private LedgerRows() {
    }

    /** Extreme values everywhere: largest ids and amounts, extreme instants, Unicode, nested JSON, every NULL. */
    static void adversarial(Database db) throws SQLException {
        db.transaction(c -> {
            Dialect d = db.dialect();
            position(c, d, MAX, "BTC€🚀", "OPEN", MAX, MAX, SUB_MILLI, null, Long.MIN_VALUE, null);
            position(c, d, 1, "ETH", "CLOSED", 0, 1, EARLIEST, LATEST, 1, 1L);
            order(c, d, MAX, "tv-" + "x".repeat(33), null, MAX, "STOP_LOSS", MAX, null, MAX, LATEST);
            order(c, d, 2, "tv-ünïcødé-\t\n\\\r", "ex\\N\t1", null, "MARKET", 1, null, null, BEFORE_EPOCH);
            order(c, d, 3, "tv-3", "ex-3", 1L, "STOP_LOSS_LIMIT", 100_000_000, 99_999_999L, 1L, EARLIEST);
            cancelRequested(c, d, MAX, SUB_MILLI);
            cancelRequested(c, d, 3, EARLIEST);
            trailingStop(c, d, 4, "tv-4-trailing", 1L, 2_000, SUB_MILLI);
            fill(c, d, MAX, "BTC€🚀:" + MAX, MAX, MAX, MAX, null, SUB_MILLI);
            fill(c, d, 1, "ETH:1", 3, 1, 1, "BNB", BEFORE_EPOCH);
            decision(c, d, MAX, "SKIP", "no signal — ‮right-to-left‬ \u0001", NESTED_JSON, LATEST);
            decision(c, d, 1, "ENTER", null, "[]", EARLIEST);
            decision(c, d, 2, "HOLD", null, "\"just a string\"", SUB_MILLI);
            pack(c, d, MAX, "BTC€🚀" + "x".repeat(26), "SKIP", 1, MAX, EARLIEST, LATEST, MAX, "+/=" + "A".repeat(70_000));
            pack(c, d, 1, "ETH", "HOLD", MAX - 1, MAX - 1, SUB_MILLI, SUB_MILLI, 1, "=");
            audit(c, d, MAX, "x".repeat(64), "{\"n\": -9223372036854775808, \"s\": \"\\\\\\t\"}", SUB_MILLI);
            audit(c, d, 1, "start", "null", EARLIEST);
            snapshot(c, d, MAX, LATEST, "{\"positions\": [{\"id\": 9223372036854775807}]}");
            kv(c, d, "ключ 🔑", "", LATEST);
            kv(c, d, "k".repeat(128), "line1\nline2\ttab\\", EARLIEST);
            dust(c, d, "BTC€🚀" + "x".repeat(22), "BTC€🚀", MAX, LATEST);
            dust(c, d, "ETHUSDT", "ETH", 0, EARLIEST);
            equity(c, d, MAX, LATEST, MAX, Long.MIN_VALUE, Integer.MAX_VALUE);
            equity(c, d, 1, EARLIEST, 0, 0, 0);
            alert(c, d, MAX, "c".repeat(128), "RAISED", "CRITICAL", "ünï 🚀\n\t\\", SUB_MILLI, LATEST, 2147483647);
            alert(c, d, 1, "x", "RECOVERED", "INFO", "", EARLIEST, null, 0);
            return null;
        });
    }

    /** A few ordinary rows with a gap in the ids, for checking that new ids continue after the largest. */
    static void ordinary(Database db) throws SQLException {
        db.transaction(c -> {
            Dialect d = db.dialect();
            position(c, d, 7, "BTC", "OPEN", 5, 10, SUB_MILLI, null, 0, 9L);
            order(c, d, 41, "tv-41", "ex-41", 7L, "MARKET", 5, null, null, SUB_MILLI);
            fill(c, d, 12, "BTC:12", 41, 10, 5, "BTC", SUB_MILLI);
            decision(c, d, 3, "ENTER", null, "{\"rsi\": 28.5}", SUB_MILLI);
            audit(c, d, 1000, "order-sent", "{\"order\": 41}", SUB_MILLI);
            pack(c, d, 4, "BTCUSDT", "SKIP", 4, 900, BEFORE_EPOCH, SUB_MILLI, 12, "80xQBgAAAP//AwA=");
            snapshot(c, d, 5, SUB_MILLI, "{}");
            kv(c, d, "last-candle", "2026-11-21", SUB_MILLI);
            dust(c, d, "BTCUSDT", "BTC", 17_500, SUB_MILLI);
            equity(c, d, 9, SUB_MILLI, -1_250_000_000L, 42_000_000L, 1);
            alert(c, d, 3, "disk-low", "NOTICE", "WARNING", "low", SUB_MILLI, SUB_MILLI, 1);
            return null;
        });
    }

    static void position(Connection c, Dialect d, long id, String symbol, String status, long qty, long price,
                         Instant opened, Instant closed, long pnl, Long stop) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO positions (id, symbol, status, quantity_e8,"
                + " entry_price_e8, highest_price_e8, stop_price_e8, trail_kind, trail_e8, realized_pnl_e8, opened_at,"
                + " closed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PERCENT', 500000000, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, symbol);
            s.setString(3, status);
            s.setLong(4, qty);
            s.setLong(5, price);
            s.setLong(6, price);
            s.setObject(7, stop);
            s.setLong(8, pnl);
            d.values().setInstant(s, 9, opened);
            d.values().setInstant(s, 10, closed);
            d.values().setInstant(s, 11, opened);
            s.executeUpdate();
        }
    }

    static void order(Connection c, Dialect d, long id, String clientId, String exchangeId, Long positionId,
                      String type, long qty, Long price, Long stop, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO orders (id, client_order_id, exchange_order_id,"
                + " position_id, symbol, side, type, purpose, quantity_e8, price_e8, stop_price_e8, executed_qty_e8,"
                + " status, created_at, updated_at) VALUES (?, ?, ?, ?, 'BTCUSDT', 'SELL', ?, 'STOP', ?, ?, ?, 0,"
                + " 'NEW', ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, clientId);
            s.setString(3, exchangeId);
            s.setObject(4, positionId);
            s.setString(5, type);
            s.setLong(6, qty);
            s.setObject(7, price);
            s.setObject(8, stop);
            d.values().setInstant(s, 9, at);
            d.values().setInstant(s, 10, at);
            s.executeUpdate();
        }
    }

    /** A stop the venue trails, lost with no stop price (migration V7: a trailing delta is enough). */
    static void trailingStop(Connection c, Dialect d, long id, String clientId, Long positionId, long delta,
                             Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO orders (id, client_order_id, position_id, symbol,"
                + " side, type, purpose, quantity_e8, price_e8, executed_qty_e8, status, created_at, updated_at,"
                + " trailing_delta) VALUES (?, ?, ?, 'BTCUSDT', 'SELL', 'STOP_LOSS_LIMIT', 'STOP', 1000, 1, 0, 'NEW',"
                + " ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, clientId);
            s.setObject(3, positionId);
            d.values().setInstant(s, 4, at);
            d.values().setInstant(s, 5, at);
            s.setLong(6, delta);
            s.executeUpdate();
        }
    }

    /** What closed positions left of a symbol's base asset (migration V7). */
    static void dust(Connection c, Dialect d, String symbol, String asset, long qty, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO dust (symbol, asset, quantity_e8, updated_at)"
                + " VALUES (?, ?, ?, ?)")) {
            s.setString(1, symbol);
            s.setString(2, asset);
            s.setLong(3, qty);
            d.values().setInstant(s, 4, at);
            s.executeUpdate();
        }
    }

    /** A point of the dashboard's equity curve (migration V5). */
    static void equity(Connection c, Dialect d, long id, Instant at, long realized, long unrealized, int positions)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO equity_snapshots (id, taken_at, realized_pnl_e8,"
                + " unrealized_pnl_e8, open_positions) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            d.values().setInstant(s, 2, at);
            s.setLong(3, realized);
            s.setLong(4, unrealized);
            s.setInt(5, positions);
            s.executeUpdate();
        }
    }

    /** Records that the order's cancel was requested (the write-ahead record of migration V2). */
    static void cancelRequested(Connection c, Dialect d, long orderId, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE orders SET cancel_requested_at = ? WHERE id = ?")) {
            d.values().setInstant(s, 1, at);
            s.setLong(2, orderId);
            s.executeUpdate();
        }
    }

    /** The tables a migration copies from {@code db}, as its catalog has them, parents first. */
    static List<LedgerTables.Table> tables(Database db) throws SQLException {
        return CopyPlan.from(LedgerCopy.catalog(db)).tables();
    }

    static void fill(Connection c, Dialect d, long id, String fillId, long orderId, long price, long qty,
                     String feeAsset, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO fills (id, exchange_fill_id, order_id, price_e8,"
                + " quantity_e8, fee_e8, fee_asset, filled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, fillId);
            s.setLong(3, orderId);
            s.setLong(4, price);
            s.setLong(5, qty);
            s.setLong(6, feeAsset == null ? 0 : price);
            s.setString(7, feeAsset);
            d.values().setInstant(s, 8, at);
            s.executeUpdate();
        }
    }

    static void decision(Connection c, Dialect d, long id, String decision, String skipReason, String payload,
                         Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO trade_decisions (id, symbol, decided_at, decision,"
                + " skip_reason, payload) VALUES (?, 'BTCUSDT', ?, ?, ?, " + d.values().jsonPlaceholder() + ")")) {
            s.setLong(1, id);
            d.values().setInstant(s, 2, at);
            s.setString(3, decision);
            s.setString(4, skipReason);
            s.setString(5, payload);
            s.executeUpdate();
        }
    }

    static void pack(Connection c, Dialect d, long id, String symbol, String decision, long firstId, long lastId,
                     Instant from, Instant until, long decisions, String body) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO decision_packs (id, symbol, decision, first_id,"
                + " last_id, decided_from, decided_until, decisions, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, symbol);
            s.setString(3, decision);
            s.setLong(4, firstId);
            s.setLong(5, lastId);
            d.values().setInstant(s, 6, from);
            d.values().setInstant(s, 7, until);
            s.setLong(8, decisions);
            s.setString(9, body);
            s.executeUpdate();
        }
    }

    static void audit(Connection c, Dialect d, long id, String type, String data, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_log (id, event_type, data, created_at)"
                + " VALUES (?, ?, " + d.values().jsonPlaceholder() + ", ?)")) {
            s.setLong(1, id);
            s.setString(2, type);
            s.setString(3, data);
            d.values().setInstant(s, 4, at);
            s.executeUpdate();
        }
    }

    static void snapshot(Connection c, Dialect d, long id, Instant at, String data) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO state_snapshots (id, taken_at, data) VALUES (?, ?, "
                + d.values().jsonPlaceholder() + ")")) {
            s.setLong(1, id);
            d.values().setInstant(s, 2, at);
            s.setString(3, data);
            s.executeUpdate();
        }
    }

    static void kv(Connection c, Dialect d, String key, String value, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?)")) {
            s.setString(1, key);
            s.setString(2, value);
            d.values().setInstant(s, 3, at);
            s.executeUpdate();
        }
    }

    /** An alert_outbox row (schema v4); {@code deliveredAt} null: still pending. */
    static void alert(Connection c, Dialect d, long id, String condition, String state, String severity, String text,
                      Instant at, Instant deliveredAt, int attempts) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_outbox (id, condition_key, event, state,"
                + " severity, title, detail, next_step, created_at, attempts, next_attempt_at, delivered_to,"
                + " delivered_at, last_error) VALUES (?, ?, 'e', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, condition);
            s.setString(3, state);
            s.setString(4, severity);
            s.setString(5, text);
            s.setString(6, text);
            s.setString(7, text);
            d.values().setInstant(s, 8, at);
            s.setInt(9, attempts);
            d.values().setInstant(s, 10, at);
            s.setString(11, deliveredAt == null ? "" : "webhook,email");
            d.values().setInstant(s, 12, deliveredAt);
            s.setString(13, deliveredAt == null ? text : null);
            s.executeUpdate();
        }
    }
}
