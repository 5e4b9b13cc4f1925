package com.tradevault.app.reconciliation;

import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.ExchangeException;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeUnavailable;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.faults.CrashPoints;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.orders.FillEvent;
import com.tradevault.app.orders.OrderDraft;
import com.tradevault.app.orders.PlacingOrders;
import com.tradevault.app.orders.RecordingFills;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Position;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the steps of a {@link Plan}, each through the same write-ahead order
 * flow the bot trades with (intents before sends, cancels recorded before
 * they are sent, fills recorded once with their position change), and writes
 * each one to the audit log.
 */
final class Applying {

    private static final Logger LOG = LoggerFactory.getLogger(Applying.class);

    private final Ledger ledger;
    private final Exchange exchange;
    private final Clock clock;
    private final PlacingOrders placing;
    private final RecordingFills fills;
    private final Fanning fanning;

    Applying(Ledger ledger, Exchange exchange, Clock clock, PlacingOrders placing, RecordingFills fills,
             Fanning fanning) {
        this.fanning = fanning;
        this.ledger = ledger;
        this.exchange = exchange;
        this.clock = clock;
        this.placing = placing;
        this.fills = fills;
    }

    /**
     * Makes every step, grouped so that the ledger is written in few
     * transactions: order-state updates together, stop intents together
     * (all committed before any is sent), their acknowledgements together.
     */
    void applyAll(List<Step> steps) {
        steps.forEach(s -> LOG.info("reconciliation: {}", s.describe()));
        ledger.transaction(s -> {
            steps.stream().filter(Applying::ledgerOnly).forEach(step -> s.updateOrder(updated(s, step)));
            return null;
        });
        steps.stream().filter(st -> st instanceof Step.RecordFills).forEach(st -> record((Step.RecordFills) st));
        steps.stream().filter(st -> st instanceof Step.Cancel).forEach(st -> cancel(((Step.Cancel) st).order()));
        placeStops(steps.stream().filter(st -> st instanceof Step.PlaceStop).map(st -> (Step.PlaceStop) st).toList());
        steps.stream().filter(st -> st instanceof Step.ExitAtMarket || st instanceof Step.CancelUnknown)
                .forEach(this::protect);
        audit(steps);
    }

    private static boolean ledgerOnly(Step step) {
        return step instanceof Step.Adopt || step instanceof Step.Refresh || step instanceof Step.MarkNeverSent
                || step instanceof Step.MarkVanished;
    }

    private Order updated(LedgerSession s, Step step) {
        if (step instanceof Step.Adopt a) {
            return a.order().acknowledged(a.venue(), clock.instant());
        } else if (step instanceof Step.Refresh r) {
            return current(s, r.order()).acknowledged(r.venue(), clock.instant());
        } else if (step instanceof Step.MarkNeverSent n) {
            return n.order().withState(OrderState.NEVER_SENT, clock.instant());
        }
        return current(s, ((Step.MarkVanished) step).order()).withState(OrderState.EXPIRED, clock.instant());
    }

    private void protect(Step step) {
        if (step instanceof Step.ExitAtMarket e) {
            placing.place(OrderDraft.marketExit(e.position().id(), e.position().symbol(), e.quantity()));
        } else if (step instanceof Step.CancelUnknown u) {
            exchange.cancel(u.venue().symbol(), u.venue().clientOrderId());
        }
    }

    private void record(Step.RecordFills f) {
        for (ExchangeTrade trade : f.trades()) {
            Optional<FillEvent> event = fills.recordMissing(trade, current(f.order()));
            event.flatMap(FillEvent::stopIntent).ifPresent(placing::send);
        }
    }

    private void cancel(Order order) {
        Order requested = current(order);
        if (requested.cancelRequestedAt().isEmpty()) {
            requested = requested.cancelRequested(clock.instant());
            save(requested);
        }
        placing.cancel(requested);
    }

    /** Commits every stop intent, sends them side by side, then records every answer in one transaction. */
    private void placeStops(List<Step.PlaceStop> places) {
        if (places.isEmpty()) {
            return;
        }
        List<Order> intents = ledger.transaction(s -> places.stream().map(p -> {
            Position now = s.position(p.position().id()).orElseThrow();
            s.updatePosition(now.withStop(p.stop(), clock.instant()));
            return placing.recordIntent(s, OrderDraft.stop(now.id(), now.symbol(), p.quantity(), p.stop().level()));
        }).toList());
        Map<Order, Object> answers = new ConcurrentHashMap<>();
        fanning.each(intents, intent -> answers.put(intent, send(intent)));
        ledger.transaction(s -> {
            intents.forEach(intent -> settle(s, intent, answers.get(intent)));
            return null;
        });
    }

    /** The exchange's answer to a stop intent, or the failure (a value, so one failure does not stop the rest). */
    private Object send(Order intent) {
        CrashPoints.reach(CrashPoints.Point.AFTER_INTENT_COMMIT);
        try {
            ExchangeOrder answer = exchange.place(intent.request());
            CrashPoints.reach(CrashPoints.Point.AFTER_SEND_BEFORE_ACK);
            return answer;
        } catch (ExchangeException e) {
            return e;
        }
    }

    private void settle(LedgerSession s, Order intent, Object answer) {
        if (answer instanceof ExchangeOrder placed) {
            s.updateOrder(intent.acknowledged(placed, clock.instant()));
            LOG.info("placed {} -> {} (venue id {})", intent.describe(), placed.status(), placed.exchangeOrderId());
        } else if (answer instanceof OrderRejected || answer instanceof ExchangeUnavailable) {
            OrderState state = answer instanceof OrderRejected ? OrderState.REJECTED : OrderState.NEVER_SENT;
            s.updateOrder(intent.withState(state, clock.instant()));
            LOG.warn("stop {} not placed ({}): {}", intent.clientOrderId(), state, ((Exception) answer).getMessage());
        } else {
            LOG.warn("no answer placing {}; the next round asks the exchange by client id", intent.describe());
        }
    }

    private Order current(LedgerSession s, Order order) {
        return s.order(order.clientOrderId()).orElse(order);
    }

    private Order current(Order order) {
        return ledger.read(s -> s.order(order.clientOrderId())).orElse(order);
    }

    private void save(Order order) {
        ledger.transaction(s -> {
            s.updateOrder(order);
            return null;
        });
    }

    private void audit(List<Step> steps) {
        ledger.transaction(s -> {
            for (Step step : steps) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("step", step.getClass().getSimpleName());
                data.put("description", step.describe());
                s.audit("reconciliation-step", data, clock.instant());
            }
            return null;
        });
    }
}
