package com.tradevault.app.ledger;

import com.tradevault.app.alerts.Alert;
import com.tradevault.app.alerts.OutboxEntry;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.trading.Decision;
import com.tradevault.app.trading.Fill;
import com.tradevault.app.trading.Money;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What can be read and written in one ledger transaction. Failures are
 * {@link LedgerFailure}s and roll the whole transaction back.
 */
public interface LedgerSession {

    /** Records a new order (normally an INTENT) and returns it with its ledger id. */
    Order insertOrder(Order order);

    /** Saves an order's changing columns: venue id, position, state, executed, cancel request. */
    void updateOrder(Order order);

    Optional<Order> order(ClientOrderId clientOrderId);

    Optional<Order> orderByExchangeId(String exchangeOrderId);

    /** Orders that are INTENT, NEW or PARTIALLY_FILLED, oldest first. */
    List<Order> unfinishedOrders();

    /** Every order of a position, oldest first. */
    List<Order> ordersOf(long positionId);

    /** Every order, oldest first. */
    List<Order> allOrders();

    /** Whether a fill with this venue id is already recorded. */
    boolean hasFill(String exchangeFillId);

    void insertFill(Fill fill);

    /** Every fill, oldest first. */
    List<Fill> allFills();

    /** Records a new position and returns it with its ledger id. */
    Position insertPosition(Position position);

    void updatePosition(Position position);

    Optional<Position> position(long id);

    Optional<Position> openPosition(String symbol);

    List<Position> openPositions();

    /** Realized P&L over all positions, open and closed. */
    Money realizedPnl();

    void insertDecision(Decision decision);

    Optional<Decision> lastDecision();

    /** The highest venue trade id of {@code symbol} already processed, or -1. */
    long tradeCursor(String symbol);

    void setTradeCursor(String symbol, long tradeId, Instant at);

    /** The last price the bot saw for {@code symbol} and when, for unrealized P&L in {@code status}. */
    Optional<SeenPrice> lastPrice(String symbol);

    void setLastPrice(String symbol, Price price, Instant at);

    /** Appends an audit event with a JSON-ready payload. */
    void audit(String eventType, Map<String, Object> data, Instant at);

    /** A value the bot keeps between runs (a marker of a run in progress, the day of the last summary). */
    Optional<String> keyValue(String key);

    void putKeyValue(String key, String value, Instant at);

    void removeKeyValue(String key);

    /** Writes {@code alert} into the outbox, due for delivery at once; returns its id. */
    long insertAlert(Alert alert, Instant at);

    /** The newest outbox row about {@code condition}. */
    Optional<OutboxEntry> lastAlert(String condition);

    /** Undelivered alerts whose next attempt is due at {@code now}, oldest first. */
    List<OutboxEntry> dueAlerts(Instant now, int limit);

    /** The newest {@code limit} alerts, newest first. */
    List<OutboxEntry> recentAlerts(int limit);

    /**
     * Records a delivery round of alert {@code id}: the channels that have it
     * now, whether that completes it, and when the next round is due.
     */
    void recordAlertRound(long id, Set<String> deliveredTo, Optional<Instant> deliveredAt, int attempts,
                          Instant nextAttemptAt, Optional<String> error);

    /** A price and when it was seen. */
    record SeenPrice(Price price, Instant at) {
    }
}
