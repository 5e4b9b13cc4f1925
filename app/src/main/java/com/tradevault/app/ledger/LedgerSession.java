package com.tradevault.app.ledger;

import com.tradevault.app.alerts.Alert;
import com.tradevault.app.alerts.OutboxEntry;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.trading.Decision;
import com.tradevault.app.trading.Dust;
import com.tradevault.app.trading.EquitySnapshot;
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

    /** The order the venue numbers {@code exchangeOrderId} on {@code symbol} (venues number orders per symbol). */
    Optional<Order> orderByExchangeId(String symbol, String exchangeOrderId);

    /** Orders that are INTENT, NEW or PARTIALLY_FILLED, oldest first. */
    List<Order> unfinishedOrders();

    /** Every order of a position, oldest first. */
    List<Order> ordersOf(long positionId);

    /** Every order, oldest first. */
    List<Order> allOrders();

    /**
     * The orders reconciliation must settle, oldest first: the unfinished ones,
     * and those filled on the venue whose fills the ledger lacks (executed
     * quantity short of the order's). Read by index, not grown by the history.
     */
    List<Order> unsettledOrders();

    /** Every symbol the ledger has an order of. */
    Set<String> orderedSymbols();

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

    /** The dust closed positions of {@code symbol} left (none when the symbol never left any). */
    Optional<Dust> dust(String symbol);

    /** Every symbol's dust, by symbol. */
    List<Dust> allDust();

    /** Saves a symbol's dust (inserted or replaced). */
    void putDust(Dust dust);

    /** Records an equity snapshot (its id is ignored). */
    void insertEquitySnapshot(EquitySnapshot snapshot);

    /** Equity snapshots taken at or after {@code from}, oldest first. */
    List<EquitySnapshot> equitySnapshots(Instant from);

    /** Removes the equity snapshots with these ids (thinning out old ones). */
    void deleteEquitySnapshots(List<Long> ids);

    /**
     * Up to {@code limit} decisions, newest first, matching {@code filter}
     * (for the dashboard; {@link #lastDecision} for the bot).
     */
    List<Decision> decisions(DecisionFilter filter, int limit);

    /** The newest {@code limit} audit events of type {@code eventType}, newest first. */
    List<AuditEvent> auditEvents(String eventType, int limit);

    /** Appends an audit event with a JSON-ready payload. */
    void audit(String eventType, Map<String, Object> data, Instant at);

    /** Which decisions to list; an empty part matches every decision. */
    record DecisionFilter(Optional<String> symbol, Optional<Decision.Kind> kind, Optional<Instant> from,
                          Optional<Instant> to) {
        public static final DecisionFilter ALL = new DecisionFilter(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** One audit log entry. */
    record AuditEvent(long id, String type, Instant at, Map<String, Object> data) {
    }

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

    /** The conditions raised and not recovered since: the newest alert of each, newest first. */
    List<OutboxEntry> openAlerts();

    /**
     * Records a delivery round of alert {@code id}: the channels that have it
     * now, whether that completes it, and when the next round is due.
     */
    void recordAlertRound(long id, Set<String> deliveredTo, Optional<Instant> deliveredAt, int attempts,
                          Instant nextAttemptAt, Optional<String> error);

    /** A price and when it was seen. */
    record SeenPrice(Price price, Instant at) {
    }

    /**
     * Folds the next batch of at most {@code limit} trade decisions older than
     * {@code before}: a SKIP or HOLD identical to the run before it (same
     * symbol, decision and skip reason) is counted into the run's first row and
     * removed. ENTER and EXIT end a run and are never removed. Resumes where the
     * previous batch stopped; {@code now} stamps where it stopped.
     */
    Folded foldDecisions(Instant before, int limit, Instant now);

    /** The same for the audit log: an entry identical to the run before it (event type and data). */
    Folded foldAudit(Instant before, int limit, Instant now);

    /**
     * Packs the next batch of at most {@code limit} decisions decided before
     * {@code before} (schema v10): the SKIP and HOLD rows among them go into one
     * compressed pack per symbol, losslessly; {@link #decisions} lists them as
     * before. ENTER, EXIT, folded rows and the newest row stay rows. Resumes where
     * the previous batch stopped; {@code removed} counts the decisions packed.
     */
    Folded packDecisions(Instant before, int limit, Instant now);
}
