package com.tradevault.app.exchange.paper;

import com.tradevault.app.exchange.Balance;
import com.tradevault.app.exchange.Candle;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.core.db.sqlite.SqliteFile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paper exchange's durable state in its own SQLite file (WAL,
 * synchronous=FULL): orders, trades, balances, last prices and one-minute
 * candles. One connection; callers serialize access. Amounts are 1e-8 units,
 * times epoch microseconds.
 */
final class PaperStore implements AutoCloseable {

    private static final String ORDER_FIELDS = "symbol, client_order_id, side, type, status, quantity_e8,"
            + " executed_e8, cum_quote_e8, price_e8, stop_price_e8, triggered, locked_asset, locked_e8,"
            + " created_us, updated_us, trailing_delta, trail_extreme_e8, orig_quote_e8, working_us";
    private static final String ORDER_COLUMNS = "order_id, " + ORDER_FIELDS;

    private final Connection conn;
    private final Path file;

    private PaperStore(Connection conn, Path file) {
        this.conn = conn;
        this.file = file;
    }

    static PaperStore open(Path file) throws SQLException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        Connection conn = DriverManager.getConnection(new SqliteFile(file).url());
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=FULL");
            st.execute("PRAGMA busy_timeout=10000");
            PaperSchema.apply(conn);
            st.execute("PRAGMA foreign_keys=ON");
        } catch (SQLException e) {
            conn.close();
            throw e;
        }
        conn.setAutoCommit(true);
        return new PaperStore(conn, file);
    }

    Path file() {
        return file;
    }

    /** Work that reads and writes the state. */
    interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one IMMEDIATE transaction: all of it is durable, or none. */
    <T> T transaction(Work<T> work) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
        }
        try {
            T result = work.run();
            try (Statement st = conn.createStatement()) {
                st.execute("COMMIT");
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            try (Statement st = conn.createStatement()) {
                st.execute("ROLLBACK");
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    boolean isNew() throws SQLException {
        return query("SELECT count(*) FROM balances", rs -> rs.getLong(1)).get(0) == 0;
    }

    // orders

    long insertOrder(PaperOrder o) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO orders (" + ORDER_FIELDS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            bindOrder(ps, o, 1);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    void updateOrder(PaperOrder o) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE orders SET symbol=?, client_order_id=?, side=?,"
                + " type=?, status=?, quantity_e8=?, executed_e8=?, cum_quote_e8=?, price_e8=?, stop_price_e8=?,"
                + " triggered=?, locked_asset=?, locked_e8=?, created_us=?, updated_us=?, trailing_delta=?,"
                + " trail_extreme_e8=?, orig_quote_e8=?, working_us=? WHERE order_id=?")) {
            bindOrder(ps, o, 1);
            ps.setLong(20, o.id());
            ps.executeUpdate();
        }
    }

    private static void bindOrder(PreparedStatement ps, PaperOrder o, int first) throws SQLException {
        int i = first;
        ps.setString(i++, o.symbol());
        ps.setString(i++, o.clientOrderId().value());
        ps.setString(i++, o.side().name());
        ps.setString(i++, o.type().name());
        ps.setString(i++, o.status().name());
        ps.setLong(i++, EightDecimals.of(o.quantity()));
        ps.setLong(i++, EightDecimals.of(o.executed()));
        ps.setLong(i++, EightDecimals.of(o.cumulativeQuote()));
        setOptional(ps, i++, o.price());
        setOptional(ps, i++, o.stopPrice());
        ps.setInt(i++, o.triggered() ? 1 : 0);
        ps.setString(i++, o.lockedAsset());
        ps.setLong(i++, EightDecimals.of(o.locked()));
        ps.setLong(i++, micros(o.createdAt()));
        ps.setLong(i++, micros(o.updatedAt()));
        ps.setObject(i++, o.trailingDelta().orElse(null));
        setOptional(ps, i++, o.trailExtreme());
        ps.setLong(i++, EightDecimals.of(o.origQuoteQty()));
        ps.setObject(i, o.workingSince().map(PaperStore::micros).orElse(null));
    }

    private static void setOptional(PreparedStatement ps, int i, Optional<BigDecimal> v) throws SQLException {
        if (v.isPresent()) {
            ps.setLong(i, EightDecimals.of(v.get()));
        } else {
            ps.setNull(i, Types.BIGINT);
        }
    }

    /** The newest order with this client id (Binance lets a client id be used again once its order is final). */
    Optional<PaperOrder> orderByClientId(String clientOrderId) throws SQLException {
        return first(orders("WHERE client_order_id = ? ORDER BY order_id DESC LIMIT 1", clientOrderId));
    }

    Optional<PaperOrder> openOrderByClientId(String clientOrderId) throws SQLException {
        return first(orders("WHERE client_order_id = ? AND status IN ('NEW','PARTIALLY_FILLED')", clientOrderId));
    }

    Optional<PaperOrder> orderById(long id) throws SQLException {
        return first(orders("WHERE order_id = ?", id));
    }

    List<PaperOrder> openOrders(Optional<String> symbol) throws SQLException {
        return symbol.isPresent()
                ? orders("WHERE status IN ('NEW','PARTIALLY_FILLED') AND symbol = ? ORDER BY order_id", symbol.get())
                : orders("WHERE status IN ('NEW','PARTIALLY_FILLED') ORDER BY order_id");
    }

    List<PaperOrder> allOrders(Optional<String> symbol) throws SQLException {
        return symbol.isPresent() ? orders("WHERE symbol = ? ORDER BY order_id", symbol.get())
                : orders("ORDER BY order_id");
    }

    private List<PaperOrder> orders(String where, Object... args) throws SQLException {
        return query("SELECT " + ORDER_COLUMNS + " FROM orders " + where, PaperStore::order, args);
    }

    private static PaperOrder order(ResultSet rs) throws SQLException {
        return new PaperOrder(rs.getLong(1), rs.getString(2), new ClientOrderId(rs.getString(3)),
                Side.valueOf(rs.getString(4)), OrderType.valueOf(rs.getString(5)),
                OrderStatus.valueOf(rs.getString(6)), EightDecimals.value(rs.getLong(7)), EightDecimals.value(rs.getLong(8)),
                EightDecimals.value(rs.getLong(9)), optional(rs, 10), optional(rs, 11), rs.getInt(12) == 1,
                rs.getString(13), EightDecimals.value(rs.getLong(14)), instant(rs.getLong(15)), instant(rs.getLong(16)),
                optionalLong(rs, 17).map(Long::intValue), optional(rs, 18), EightDecimals.value(rs.getLong(19)),
                optionalLong(rs, 20).map(PaperStore::instant));
    }

    private static Optional<Long> optionalLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    private static Optional<BigDecimal> optional(ResultSet rs, int column) throws SQLException {
        return optionalLong(rs, column).map(EightDecimals::value);
    }

    // trades

    long insertTrade(ExchangeTrade t) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO trades (symbol, order_id, side, price_e8,"
                + " quantity_e8, commission_e8, commission_asset, time_us) VALUES (?,?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, t.symbol());
            ps.setLong(2, Long.parseLong(t.exchangeOrderId()));
            ps.setString(3, t.side().name());
            ps.setLong(4, EightDecimals.of(t.price()));
            ps.setLong(5, EightDecimals.of(t.quantity()));
            ps.setLong(6, EightDecimals.of(t.commission()));
            ps.setString(7, t.commissionAsset());
            ps.setLong(8, micros(t.time()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    List<ExchangeTrade> trades(Optional<String> symbol, long afterTradeId) throws SQLException {
        String sql = "SELECT symbol, trade_id, order_id, side, price_e8, quantity_e8, commission_e8,"
                + " commission_asset, time_us FROM trades WHERE trade_id > ?";
        return symbol.isPresent() ? query(sql + " AND symbol = ? ORDER BY trade_id", PaperStore::trade,
                afterTradeId, symbol.get()) : query(sql + " ORDER BY trade_id", PaperStore::trade, afterTradeId);
    }

    List<ExchangeTrade> tradesOfOrder(long orderId) throws SQLException {
        return query("SELECT symbol, trade_id, order_id, side, price_e8, quantity_e8, commission_e8,"
                + " commission_asset, time_us FROM trades WHERE order_id = ? ORDER BY trade_id", PaperStore::trade,
                orderId);
    }

    private static ExchangeTrade trade(ResultSet rs) throws SQLException {
        return new ExchangeTrade(rs.getString(1), rs.getLong(2), Long.toString(rs.getLong(3)),
                Side.valueOf(rs.getString(4)), EightDecimals.value(rs.getLong(5)), EightDecimals.value(rs.getLong(6)),
                EightDecimals.value(rs.getLong(7)), rs.getString(8), instant(rs.getLong(9)));
    }

    // balances

    Balance balance(String asset) throws SQLException {
        return first(query("SELECT asset, free_e8, locked_e8 FROM balances WHERE asset = ?", PaperStore::balance,
                asset)).orElse(new Balance(asset, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    Map<String, Balance> balances() throws SQLException {
        Map<String, Balance> all = new LinkedHashMap<>();
        for (Balance b : query("SELECT asset, free_e8, locked_e8 FROM balances ORDER BY asset", PaperStore::balance)) {
            all.put(b.asset(), b);
        }
        return all;
    }

    void putBalance(Balance b) throws SQLException {
        update("INSERT INTO balances (asset, free_e8, locked_e8) VALUES (?,?,?) ON CONFLICT (asset)"
                + " DO UPDATE SET free_e8 = excluded.free_e8, locked_e8 = excluded.locked_e8",
                b.asset(), EightDecimals.of(b.free()), EightDecimals.of(b.locked()));
    }

    private static Balance balance(ResultSet rs) throws SQLException {
        return new Balance(rs.getString(1), EightDecimals.value(rs.getLong(2)), EightDecimals.value(rs.getLong(3)));
    }

    // prices and candles

    /** The last price of a symbol and how many feed ticks it has had. */
    record LastPrice(BigDecimal price, long ticks, Instant at) {
    }

    Optional<LastPrice> lastPrice(String symbol) throws SQLException {
        return first(query("SELECT price_e8, ticks, updated_us FROM prices WHERE symbol = ?",
                rs -> new LastPrice(EightDecimals.value(rs.getLong(1)), rs.getLong(2), instant(rs.getLong(3))), symbol));
    }

    /** Records a new price: the symbol's last price and its one-minute candle. */
    void recordPrice(String symbol, BigDecimal price, long ticks, Instant at) throws SQLException {
        long p = EightDecimals.of(price);
        update("INSERT INTO prices (symbol, price_e8, ticks, updated_us) VALUES (?,?,?,?) ON CONFLICT (symbol)"
                + " DO UPDATE SET price_e8 = excluded.price_e8, ticks = excluded.ticks, updated_us = excluded.updated_us",
                symbol, p, ticks, micros(at));
        update("INSERT INTO candles (symbol, open_us, open_e8, high_e8, low_e8, close_e8) VALUES (?,?,?,?,?,?)"
                + " ON CONFLICT (symbol, open_us) DO UPDATE SET high_e8 = max(high_e8, excluded.high_e8),"
                + " low_e8 = min(low_e8, excluded.low_e8), close_e8 = excluded.close_e8",
                symbol, micros(at.truncatedTo(ChronoUnit.MINUTES)), p, p, p, p);
    }

    List<Candle> candles(String symbol, Instant from, Instant to) throws SQLException {
        return query("SELECT open_us, open_e8, high_e8, low_e8, close_e8 FROM candles WHERE symbol = ?"
                + " AND open_us >= ? AND open_us < ? ORDER BY open_us", rs -> new Candle(instant(rs.getLong(1)),
                EightDecimals.value(rs.getLong(2)), EightDecimals.value(rs.getLong(3)), EightDecimals.value(rs.getLong(4)), EightDecimals.value(rs.getLong(5))),
                symbol, micros(from), micros(to));
    }

    // plumbing

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        }
    }

    private void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }
}
