package com.tradevault.app.ledger.jdbc;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.ledger.jdbc.Statements.At;
import com.tradevault.app.ledger.jdbc.Statements.OptionalLong;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code orders} table. Venues number orders per symbol (Binance), so
 * {@code exchange_order_id} holds the venue's id qualified by the symbol,
 * {@code BTCUSDT:12345} (schema v9), as {@code fills.exchange_fill_id} does;
 * an {@link Order} carries the venue's own id.
 */
final class OrderRows {

    private static final String COLUMNS = "id, client_order_id, exchange_order_id, position_id, symbol, side, type,"
            + " purpose, quantity_e8, price_e8, stop_price_e8, executed_qty_e8, status, created_at, updated_at,"
            + " cancel_requested_at, trailing_delta";

    private final Statements sql;

    OrderRows(Statements sql) {
        this.sql = sql;
    }

    Order insert(Order o) {
        long id = sql.insert("INSERT INTO orders (client_order_id, exchange_order_id, position_id, symbol, side, type,"
                        + " purpose, quantity_e8, price_e8, stop_price_e8, executed_qty_e8, status, created_at, updated_at,"
                        + " cancel_requested_at, trailing_delta)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                o.clientOrderId().value(), qualified(o), new OptionalLong(o.positionId()),
                o.symbol(), o.side().name(), o.type().name(), o.purpose().name(), o.quantity().e8(),
                new OptionalLong(o.price().map(Price::e8)), new OptionalLong(o.stopPrice().map(Price::e8)),
                o.executed().e8(), o.state().name(), new At(o.createdAt()), new At(o.updatedAt()),
                new At(o.cancelRequestedAt().orElse(null)),
                new OptionalLong(o.trailingDelta().map(Integer::longValue)));
        return o.withId(id);
    }

    void update(Order o) {
        int changed = sql.update("UPDATE orders SET exchange_order_id = ?, position_id = ?, executed_qty_e8 = ?,"
                        + " status = ?, updated_at = ?, cancel_requested_at = ? WHERE id = ?",
                qualified(o), new OptionalLong(o.positionId()), o.executed().e8(),
                o.state().name(), new At(o.updatedAt()), new At(o.cancelRequestedAt().orElse(null)), o.id());
        if (changed != 1) {
            throw new IllegalStateException("order " + o.clientOrderId() + " (id " + o.id() + ") is not in the ledger");
        }
    }

    Optional<Order> byClientId(ClientOrderId id) {
        return sql.one("SELECT " + COLUMNS + " FROM orders WHERE client_order_id = ?", this::map, id.value());
    }

    Optional<Order> byExchangeId(String symbol, String id) {
        return sql.one("SELECT " + COLUMNS + " FROM orders WHERE exchange_order_id = ?", this::map,
                qualified(symbol, id));
    }

    private static String qualified(Order o) {
        return o.exchangeOrderId().map(id -> qualified(o.symbol(), id)).orElse(null);
    }

    private static String qualified(String symbol, String exchangeOrderId) {
        return symbol + ":" + exchangeOrderId;
    }

    private static String venueId(String symbol, String qualified) {
        return qualified.startsWith(symbol + ":") ? qualified.substring(symbol.length() + 1) : qualified;
    }

    List<Order> unfinished() {
        return sql.list("SELECT " + COLUMNS + " FROM orders WHERE status IN ('INTENT', 'NEW', 'PARTIALLY_FILLED')"
                + " ORDER BY id", this::map);
    }

    List<Order> ofPosition(long positionId) {
        return sql.list("SELECT " + COLUMNS + " FROM orders WHERE position_id = ? ORDER BY id", this::map, positionId);
    }

    List<Order> unsettled() {
        return sql.list("SELECT " + COLUMNS + " FROM orders WHERE status IN ('INTENT', 'NEW', 'PARTIALLY_FILLED')"
                + " OR status = 'FILLED' AND executed_qty_e8 < quantity_e8 ORDER BY id", this::map);
    }

    Set<String> symbols() {
        return new TreeSet<>(sql.list("SELECT DISTINCT symbol FROM orders", r -> r.getString(1)));
    }

    List<Order> all() {
        return sql.list("SELECT " + COLUMNS + " FROM orders ORDER BY id", this::map);
    }

    private Order map(ResultSet r) throws SQLException {
        String symbol = r.getString("symbol");
        return new Order(r.getLong("id"), new ClientOrderId(r.getString("client_order_id")),
                Optional.ofNullable(r.getString("exchange_order_id")).map(id -> venueId(symbol, id)),
                Statements.optionalLong(r, "position_id"), symbol, Side.valueOf(r.getString("side")),
                OrderType.valueOf(r.getString("type")),
                OrderPurpose.valueOf(r.getString("purpose")), Quantity.ofE8(r.getLong("quantity_e8")),
                Statements.optionalLong(r, "price_e8").map(Price::ofE8),
                Statements.optionalLong(r, "stop_price_e8").map(Price::ofE8),
                Quantity.ofE8(r.getLong("executed_qty_e8")), OrderState.valueOf(r.getString("status")),
                sql.instant(r, "created_at"), sql.instant(r, "updated_at"),
                Optional.ofNullable(sql.instant(r, "cancel_requested_at")),
                Statements.optionalLong(r, "trailing_delta").map(Math::toIntExact));
    }
}
