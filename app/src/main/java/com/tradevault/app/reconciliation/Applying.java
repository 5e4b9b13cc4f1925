package com.tradevault.app.reconciliation;

import com.tradevault.app.exchange.Exchange;
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

    Applying(Ledger ledger, Exchange exchange, Clock clock, PlacingOrders placing, RecordingFills fills) {
        this.ledger = ledger;
        this.exchange = exchange;
        this.clock = clock;
        this.placing = placing;
        this.fills = fills;
    }

    void apply(Step step) {
        LOG.info("reconciliation: {}", step.describe());
        if (step instanceof Step.Adopt a) {
            save(a.order().acknowledged(a.venue(), clock.instant()));
        } else if (step instanceof Step.Refresh r) {
            save(current(r.order()).acknowledged(r.venue(), clock.instant()));
        } else if (step instanceof Step.MarkNeverSent n) {
            save(n.order().withState(OrderState.NEVER_SENT, clock.instant()));
        } else if (step instanceof Step.MarkVanished v) {
            save(current(v.order()).withState(OrderState.EXPIRED, clock.instant()));
        } else if (step instanceof Step.RecordFills f) {
            record(f);
        } else {
            protect(step);
        }
        audit(step);
    }

    private void protect(Step step) {
        if (step instanceof Step.Cancel c) {
            cancel(c.order());
        } else if (step instanceof Step.PlaceStop p) {
            placeStop(p);
        } else if (step instanceof Step.ExitAtMarket e) {
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

    private void placeStop(Step.PlaceStop p) {
        Order intent = ledger.transaction(s -> {
            Position now = s.position(p.position().id()).orElseThrow();
            s.updatePosition(now.withStop(p.stop(), clock.instant()));
            return placing.recordIntent(s, OrderDraft.stop(now.id(), now.symbol(), p.quantity(), p.stop().level()));
        });
        placing.send(intent);
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

    private void audit(Step step) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("step", step.getClass().getSimpleName());
        data.put("description", step.describe());
        ledger.transaction(s -> {
            s.audit("reconciliation-step", data, clock.instant());
            return null;
        });
    }
}
