package com.tradevault.app.orders;

import com.tradevault.app.faults.CrashPoints;
import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.ExchangeException;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeUnavailable;
import com.tradevault.app.exchange.NoSuchOrder;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.UnknownOutcome;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderState;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places and cancels orders write-ahead: an order is committed to the ledger
 * as an INTENT under a fresh client order id before it is sent; a cancel is
 * committed as a request before it is sent. When the venue's answer is lost,
 * the order is looked up by client id before anything is ever sent again.
 */
public final class PlacingOrders {

    private static final Logger LOG = LoggerFactory.getLogger(PlacingOrders.class);

    private final Ledger ledger;
    private final Exchange exchange;
    private final Clock clock;
    private final ClientOrderIds ids;
    private final Duration intentGrace;
    private final CrashPoints crashPoints;

    /** Places orders with no crash point armed. */
    public PlacingOrders(Ledger ledger, Exchange exchange, Clock clock, ClientOrderIds ids, Duration intentGrace) {
        this(ledger, exchange, clock, ids, intentGrace, CrashPoints.NONE);
    }

    /**
     * @param intentGrace how long after its intent an order the venue does not
     *                    know may still arrive there (a request in flight); only
     *                    older intents are declared never sent
     * @param crashPoints the crash tests' halts in the order flow ({@link CrashPoints#NONE} in production)
     */
    public PlacingOrders(Ledger ledger, Exchange exchange, Clock clock, ClientOrderIds ids, Duration intentGrace,
                         CrashPoints crashPoints) {
        this.ledger = ledger;
        this.exchange = exchange;
        this.clock = clock;
        this.ids = ids;
        this.intentGrace = intentGrace;
        this.crashPoints = crashPoints;
    }

    /** The crash points of this order flow, for the services that place and cancel through it. */
    public CrashPoints crashPoints() {
        return crashPoints;
    }

    /** Writes the intent for {@code draft} inside the caller's transaction. */
    public Order recordIntent(LedgerSession session, OrderDraft draft) {
        return session.insertOrder(Order.intent(ids.fresh(draft.purpose()), draft.positionId(), draft.symbol(),
                draft.side(), draft.type(), draft.purpose(), draft.quantity(), draft.limitPrice(), draft.stopPrice(),
                clock.instant()).trailedBy(draft.trailingDelta()));
    }

    /** Commits the intent, then sends it. */
    public Order place(OrderDraft draft) {
        return send(ledger.transaction(s -> recordIntent(s, draft)));
    }

    /**
     * Sends an intent this process has just committed and never sent. Returns
     * the order as the ledger now has it: acknowledged, REJECTED, NEVER_SENT
     * (venue unreachable: nothing executed), or still INTENT when the outcome
     * is unknown and the venue could not be asked yet.
     */
    public Order send(Order intent) {
        return attempt(intent).order();
    }

    /**
     * What sending an intent led to: the order as the ledger now has it, and
     * the venue's refusal where it refused.
     */
    public record Sent(Order order, Optional<OrderRejected> refusal) {

        /** Refused for a reason that asking again will not change. */
        public boolean refusedForGood() {
            return refusal.filter(r -> r.reason().permanent()).isPresent();
        }
    }

    /** Sends an intent like {@link #send}, keeping the venue's refusal. */
    public Sent attempt(Order intent) {
        crashPoints.reach(CrashPoints.Point.AFTER_INTENT_COMMIT);
        try {
            ExchangeOrder answer = exchange.place(intent.request());
            crashPoints.reach(CrashPoints.Point.AFTER_SEND_BEFORE_ACK);
            return new Sent(acknowledge(intent, answer), Optional.empty());
        } catch (OrderRejected e) {
            return new Sent(rejected(intent, e), Optional.of(e));
        } catch (UnknownOutcome e) {
            LOG.warn("no answer placing {} ({}); asking the venue by client id", intent.describe(), e.getMessage());
            return new Sent(lookUp(intent, true), Optional.empty());
        } catch (ExchangeUnavailable e) {
            LOG.warn("venue unavailable, {} not sent: {}", intent.describe(), e.getMessage());
            return new Sent(finish(intent, OrderState.NEVER_SENT, "order-not-sent", e), Optional.empty());
        }
    }

    /** Records the venue's acceptance of {@code intent}. */
    public Order acknowledge(Order intent, ExchangeOrder answer) {
        Order acked = save(intent.acknowledged(answer, clock.instant()));
        LOG.info("placed {} -> {} (venue id {})", intent.describe(), acked.state(), answer.exchangeOrderId());
        return acked;
    }

    /** Records the venue's refusal of {@code intent}: it is REJECTED and never sent again. */
    public Order rejected(Order intent, OrderRejected e) {
        LOG.warn("venue rejected {}: {} ({})", intent.describe(), e.getMessage(), e.reason());
        return finish(intent, OrderState.REJECTED, "order-rejected", e);
    }

    /** Records the venue's word that a live order is gone (cancelled by a cancel-replace). */
    public Order saveAs(Order live, ExchangeOrder venue) {
        return save(live.acknowledged(venue, clock.instant()));
    }

    /**
     * Settles an INTENT found in the ledger (from an earlier process, or an
     * unknown outcome): adopts the venue's order if it has one; declares it
     * NEVER_SENT if the venue does not know it and the grace period is over.
     */
    public Order resolve(Order intent) {
        return lookUp(intent, false);
    }

    /** Asks the venue about an intent just sent whose answer was lost; it stays an INTENT if the venue has none. */
    public Order recheck(Order intent) {
        return lookUp(intent, true);
    }

    private Order lookUp(Order intent, boolean justSent) {
        Optional<ExchangeOrder> found;
        try {
            found = exchange.orderByClientId(intent.symbol(), intent.clientOrderId());
        } catch (ExchangeException e) {
            LOG.warn("cannot ask the venue about {} yet ({}); it stays an intent", intent.describe(), e.getMessage());
            return intent;
        }
        if (found.isPresent()) {
            Order adopted = save(intent.acknowledged(found.get(), clock.instant()));
            LOG.info("venue has {} -> {}; adopted", intent.describe(), adopted.state());
            return adopted;
        }
        boolean graceOver = !clock.instant().isBefore(intent.createdAt().plus(intentGrace));
        if (justSent || !graceOver) {
            return intent;
        }
        LOG.info("venue never received {}; marked NEVER_SENT", intent.describe());
        return finish(intent, OrderState.NEVER_SENT, "order-never-sent", null);
    }

    /**
     * Cancels a live order whose cancel request is already committed. Returns
     * it as the venue now reports it (CANCELED, or FILLED if it filled first),
     * or unchanged when the venue could not be reached (the request stays).
     */
    public Order cancel(Order live) {
        try {
            Order done = save(live.acknowledged(exchange.cancel(live.symbol(), live.clientOrderId()), clock.instant()));
            LOG.info("cancelled {} -> {}", live.describe(), done.state());
            return done;
        } catch (NoSuchOrder e) {
            return refresh(live);
        } catch (OrderRejected | UnknownOutcome | ExchangeUnavailable e) {
            LOG.warn("cancel of {} not confirmed ({}); will retry", live.describe(), e.getMessage());
            return live;
        }
    }

    /** Updates a live order's state from the venue (it may have filled, been cancelled or expired). */
    public Order refresh(Order live) {
        try {
            Optional<ExchangeOrder> found = exchange.orderByClientId(live.symbol(), live.clientOrderId());
            if (found.isEmpty()) {
                audit("order-unknown-to-venue", live, "the venue does not know this live order");
                return live;
            }
            Order now = live.acknowledged(found.get(), clock.instant());
            if (now.state() != live.state()) {
                save(now);
                LOG.info("venue reports {} -> {}", live.describe(), now.state());
            }
            return now;
        } catch (ExchangeException e) {
            LOG.warn("cannot refresh {} ({})", live.describe(), e.getMessage());
            return live;
        }
    }

    private Order finish(Order intent, OrderState state, String event, Exception why) {
        Order done = intent.withState(state, clock.instant());
        ledger.transaction(s -> {
            s.updateOrder(done);
            s.audit(event, details(intent, why == null ? "" : why.getMessage()), clock.instant());
            return null;
        });
        return done;
    }

    private void audit(String event, Order order, String message) {
        ledger.transaction(s -> {
            s.audit(event, details(order, message), clock.instant());
            return null;
        });
    }

    private Order save(Order order) {
        ledger.transaction(s -> {
            s.updateOrder(order);
            return null;
        });
        return order;
    }

    private static Map<String, Object> details(Order order, String message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("clientOrderId", order.clientOrderId().value());
        data.put("symbol", order.symbol());
        data.put("purpose", order.purpose().name());
        data.put("message", message);
        return data;
    }
}
