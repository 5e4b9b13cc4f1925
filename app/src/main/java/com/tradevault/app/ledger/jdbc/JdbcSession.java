package com.tradevault.app.ledger.jdbc;

import com.tradevault.app.alerts.Alert;
import com.tradevault.app.alerts.OutboxEntry;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.ledger.Folded;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.ledger.jdbc.Statements.At;
import com.tradevault.app.trading.Decision;
import com.tradevault.app.trading.Dust;
import com.tradevault.app.trading.EquitySnapshot;
import com.tradevault.app.trading.Fill;
import com.tradevault.app.trading.Money;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import com.tradevault.core.db.ValueBinding;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** One ledger session on one JDBC connection; the same SQL on SQLite and PostgreSQL. */
final class JdbcSession implements LedgerSession {

    private static final String TRADE_CURSOR = "trade-cursor:";
    private static final String LAST_PRICE = "last-price:";

    private final Statements sql;
    private final OrderRows orders;
    private final PositionRows positions;
    private final AlertRows alerts;
    private final DecisionIds decisionIds;
    private final DecisionPacks packs;

    JdbcSession(Connection connection, ValueBinding binding) {
        this.sql = new Statements(connection, binding);
        this.orders = new OrderRows(sql);
        this.positions = new PositionRows(sql);
        this.alerts = new AlertRows(sql);
        this.decisionIds = new DecisionIds(sql);
        this.packs = new DecisionPacks(sql);
    }

    @Override
    public Order insertOrder(Order order) {
        return orders.insert(order);
    }

    @Override
    public void updateOrder(Order order) {
        orders.update(order);
    }

    @Override
    public Optional<Order> order(ClientOrderId clientOrderId) {
        return orders.byClientId(clientOrderId);
    }

    @Override
    public Optional<Order> orderByExchangeId(String symbol, String exchangeOrderId) {
        return orders.byExchangeId(symbol, exchangeOrderId);
    }

    @Override
    public List<Order> unfinishedOrders() {
        return orders.unfinished();
    }

    @Override
    public List<Order> ordersOf(long positionId) {
        return orders.ofPosition(positionId);
    }

    @Override
    public List<Order> allOrders() {
        return orders.all();
    }

    @Override
    public List<Order> unsettledOrders() {
        return orders.unsettled();
    }

    @Override
    public Set<String> orderedSymbols() {
        return orders.symbols();
    }

    @Override
    public boolean hasFill(String exchangeFillId) {
        return sql.one("SELECT 1 FROM fills WHERE exchange_fill_id = ?", r -> true, exchangeFillId).isPresent();
    }

    @Override
    public void insertFill(Fill f) {
        sql.insert("INSERT INTO fills (exchange_fill_id, order_id, price_e8, quantity_e8, fee_e8, fee_asset, filled_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", f.exchangeFillId(), f.orderId(), f.price().e8(),
                f.quantity().e8(), f.fee().e8(), f.feeAsset(), new At(f.filledAt()));
    }

    @Override
    public List<Fill> allFills() {
        return sql.list("SELECT exchange_fill_id, order_id, price_e8, quantity_e8, fee_e8, fee_asset, filled_at"
                + " FROM fills ORDER BY id", this::fill);
    }

    private Fill fill(ResultSet r) throws SQLException {
        return new Fill(r.getString("exchange_fill_id"), r.getLong("order_id"), Price.ofE8(r.getLong("price_e8")),
                Quantity.ofE8(r.getLong("quantity_e8")), Quantity.ofE8(r.getLong("fee_e8")), r.getString("fee_asset"),
                sql.instant(r, "filled_at"));
    }

    @Override
    public Position insertPosition(Position position) {
        return positions.insert(position);
    }

    @Override
    public void updatePosition(Position position) {
        positions.update(position);
    }

    @Override
    public Optional<Position> position(long id) {
        return positions.byId(id);
    }

    @Override
    public Optional<Position> openPosition(String symbol) {
        return positions.openOf(symbol);
    }

    @Override
    public List<Position> openPositions() {
        return positions.open();
    }

    @Override
    public Money realizedPnl() {
        return positions.realizedPnl();
    }

    @Override
    public void insertDecision(Decision d) {
        sql.insert("INSERT INTO trade_decisions (symbol, decided_at, decision, skip_reason, payload) VALUES (?, ?, ?, ?, "
                        + sql.binding().jsonPlaceholder() + ")", d.symbol(), new At(d.decidedAt()), d.kind().name(),
                d.skipReason().orElse(null), Json.write(d.payload()));
    }

    @Override
    public Optional<Decision> lastDecision() {
        // the newest decision is never packed (schema v10): it is always the newest row
        return sql.one("SELECT id, symbol, decided_at, decision, skip_reason, payload FROM trade_decisions"
                + " ORDER BY id DESC LIMIT 1", packs::packed).map(DecisionPacks.Packed::decision);
    }

    @Override
    public List<Decision> decisions(DecisionFilter filter, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        filter.symbol().ifPresent(v -> add(where, params, "symbol = ?", v));
        filter.kind().ifPresent(v -> add(where, params, "decision = ?", v.name()));
        // a time bound is also an id bound (DecisionIds): the walk starts at the window, not at the newest row
        filter.from().ifPresent(v -> add(where, params, "id >= ?", decisionIds.from(v)));
        filter.to().ifPresent(v -> add(where, params, "id < ?", decisionIds.to(v)));
        filter.from().ifPresent(v -> add(where, params, "decided_at >= ?", new At(v)));
        filter.to().ifPresent(v -> add(where, params, "decided_at < ?", new At(v)));
        params.add(limit);
        // newest first by id (the order of deciding): by symbol the (symbol, id) index gives it (schema v8)
        List<DecisionPacks.Packed> rows = sql.list("SELECT id, symbol, decided_at, decision, skip_reason, payload"
                + " FROM trade_decisions" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY id DESC LIMIT ?", packs::packed, params.toArray());
        // packed decisions (schema v10) below the rows' lowest id could still make a listing the rows did not fill
        long above = rows.size() == limit ? rows.get(limit - 1).id() : Long.MIN_VALUE;
        List<DecisionPacks.Packed> packed = packs.newest(filter, limit, above);
        return Stream.concat(rows.stream(), packed.stream())
                .sorted(Comparator.comparingLong(DecisionPacks.Packed::id).reversed()).limit(limit)
                .map(DecisionPacks.Packed::decision).toList();
    }

    private static void add(List<String> where, List<Object> params, String condition, Object value) {
        where.add(condition);
        params.add(value);
    }

    @Override
    public List<AuditEvent> auditEvents(String eventType, int limit) {
        return sql.list("SELECT id, event_type, data, created_at FROM audit_log WHERE event_type = ?"
                + " ORDER BY created_at DESC, id DESC LIMIT ?", r -> new AuditEvent(r.getLong("id"),
                r.getString("event_type"), sql.instant(r, "created_at"), Json.read(r.getString("data"))),
                eventType, limit);
    }

    @Override
    public long tradeCursor(String symbol) {
        return value(TRADE_CURSOR + symbol).map(Long::parseLong).orElse(-1L);
    }

    @Override
    public void setTradeCursor(String symbol, long tradeId, Instant at) {
        put(TRADE_CURSOR + symbol, Long.toString(tradeId), at);
    }

    @Override
    public Optional<SeenPrice> lastPrice(String symbol) {
        return sql.one("SELECT value, updated_at FROM kv WHERE key = ?",
                r -> new SeenPrice(Price.of(r.getString("value")), sql.instant(r, "updated_at")), LAST_PRICE + symbol);
    }

    @Override
    public void setLastPrice(String symbol, Price price, Instant at) {
        put(LAST_PRICE + symbol, price.toString(), at);
    }

    @Override
    public Optional<Dust> dust(String symbol) {
        return sql.one("SELECT symbol, asset, quantity_e8, updated_at FROM dust WHERE symbol = ?", this::dust, symbol);
    }

    @Override
    public List<Dust> allDust() {
        return sql.list("SELECT symbol, asset, quantity_e8, updated_at FROM dust ORDER BY symbol", this::dust);
    }

    @Override
    public void putDust(Dust d) {
        sql.update("INSERT INTO dust (symbol, asset, quantity_e8, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (symbol)"
                        + " DO UPDATE SET asset = excluded.asset, quantity_e8 = excluded.quantity_e8,"
                        + " updated_at = excluded.updated_at", d.symbol(), d.asset(), d.quantity().e8(),
                new At(d.updatedAt()));
    }

    private Dust dust(ResultSet r) throws SQLException {
        return new Dust(r.getString("symbol"), r.getString("asset"), Quantity.ofE8(r.getLong("quantity_e8")),
                sql.instant(r, "updated_at"));
    }

    @Override
    public void insertEquitySnapshot(EquitySnapshot e) {
        sql.insert("INSERT INTO equity_snapshots (taken_at, realized_pnl_e8, unrealized_pnl_e8, open_positions)"
                + " VALUES (?, ?, ?, ?)", new At(e.takenAt()), e.realized().e8(), e.unrealized().e8(),
                (long) e.openPositions());
    }

    @Override
    public List<EquitySnapshot> equitySnapshots(Instant from) {
        return sql.list("SELECT id, taken_at, realized_pnl_e8, unrealized_pnl_e8, open_positions FROM equity_snapshots"
                + " WHERE taken_at >= ? ORDER BY taken_at, id", r -> new EquitySnapshot(r.getLong("id"),
                sql.instant(r, "taken_at"), Money.ofE8(r.getLong("realized_pnl_e8")),
                Money.ofE8(r.getLong("unrealized_pnl_e8")), r.getInt("open_positions")), new At(from));
    }

    @Override
    public void deleteEquitySnapshots(List<Long> ids) {
        ids.forEach(id -> sql.update("DELETE FROM equity_snapshots WHERE id = ?", id));
    }

    @Override
    public void audit(String eventType, Map<String, Object> data, Instant at) {
        sql.insert("INSERT INTO audit_log (event_type, data, created_at) VALUES (?, " + sql.binding().jsonPlaceholder()
                + ", ?)", eventType, Json.write(data), new At(at));
    }

    @Override
    public Folded foldDecisions(Instant before, int limit, Instant now) {
        return new FoldingRows(sql, FoldingRows.DECISIONS, Optional.of(packs)).fold(before, limit, now);
    }

    @Override
    public Folded packDecisions(Instant before, int limit, Instant now) {
        return packs.pack(before, limit, now);
    }

    @Override
    public Folded foldAudit(Instant before, int limit, Instant now) {
        return new FoldingRows(sql, FoldingRows.AUDIT, Optional.empty()).fold(before, limit, now);
    }

    @Override
    public Optional<String> keyValue(String key) {
        return value(key);
    }

    @Override
    public void putKeyValue(String key, String value, Instant at) {
        put(key, value, at);
    }

    @Override
    public void removeKeyValue(String key) {
        sql.update("DELETE FROM kv WHERE key = ?", key);
    }

    @Override
    public long insertAlert(Alert alert, Instant at) {
        return alerts.insert(alert, at);
    }

    @Override
    public Optional<OutboxEntry> lastAlert(String condition) {
        return alerts.lastOf(condition);
    }

    @Override
    public List<OutboxEntry> dueAlerts(Instant now, int limit) {
        return alerts.due(now, limit);
    }

    @Override
    public List<OutboxEntry> recentAlerts(int limit) {
        return alerts.recent(limit);
    }

    @Override
    public List<OutboxEntry> openAlerts() {
        return alerts.open();
    }

    @Override
    public void recordAlertRound(long id, Set<String> deliveredTo, Optional<Instant> deliveredAt, int attempts,
                                 Instant nextAttemptAt, Optional<String> error) {
        alerts.recordRound(id, deliveredTo, deliveredAt, attempts, nextAttemptAt, error);
    }

    private Optional<String> value(String key) {
        return new KeyValues(sql).value(key);
    }

    private void put(String key, String value, Instant at) {
        new KeyValues(sql).put(key, value, at);
    }
}
