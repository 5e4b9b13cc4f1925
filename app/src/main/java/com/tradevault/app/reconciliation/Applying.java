package com.tradevault.app.reconciliation;

import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.ExchangeException;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.NoSuchOrder;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.orders.FillEvent;
import com.tradevault.app.orders.OrderDraft;
import com.tradevault.app.orders.PlacingOrders;
import com.tradevault.app.orders.ProtectionPolicy;
import com.tradevault.app.orders.RecordingFills;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.OrderState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the steps of a {@link Plan}, each through the same write-ahead order
 * flow the bot trades with (intents before sends, cancels recorded before
 * they are sent, fills recorded once with their position change), and writes
 * each one to the audit log with whether the exchange accepted it.
 */
final class Applying {

    private static final Logger LOG = LoggerFactory.getLogger(Applying.class);

    private final Ledger ledger;
    private final Exchange exchange;
    private final Clock clock;
    private final PlacingOrders placing;
    private final RecordingFills fills;
    private final PlacingStops stops;
    private final ProtectionPolicy policy;

    Applying(Ledger ledger, Exchange exchange, Clock clock, PlacingOrders placing, RecordingFills fills,
             SideBySide sideBySide, ProtectionPolicy policy) {
        this.ledger = ledger;
        this.exchange = exchange;
        this.clock = clock;
        this.placing = placing;
        this.fills = fills;
        this.stops = new PlacingStops(ledger, exchange, clock, placing, sideBySide, policy);
        this.policy = policy;
    }

    /**
     * Makes every step, grouped so that the ledger is written in few
     * transactions: order-state updates together, stop intents together
     * (all committed before any is sent), their acknowledgements together.
     * Lost stops are adopted and stray orders cancelled before any stop is
     * placed, so that a new stop finds its coins free.
     */
    Applied applyAll(List<Step> steps) {
        Map<Step, String> failures = new ConcurrentHashMap<>();
        steps.forEach(s -> LOG.info("reconciliation: {}", s.describe()));
        Phases phases = new Phases(failures);
        steps.forEach(step -> step.accept(phases));
        ledger.transaction(s -> {
            phases.orderUpdates.forEach(update -> s.updateOrder(update.apply(s)));
            return null;
        });
        phases.beforeStops();
        stops.place(phases.stops, failures);
        phases.exits.forEach(Runnable::run);
        audit(steps, failures);
        boolean refusedForNow = phases.stops.stream().filter(failures::containsKey)
                .anyMatch(p -> !failures.get(p).startsWith(PlacingStops.NO_ANSWER)
                        && policy.unprotected().reason(p.position().symbol()).isEmpty());
        return new Applied(failures, refusedForNow);
    }

    /**
     * Each step's work, in the order {@link #applyAll} makes it: order-state
     * updates (one transaction), missing fills, cancels, lost stops adopted,
     * unknown orders cancelled, then stops placed, then exits at market.
     */
    private final class Phases implements Step.Visitor {
        private final Map<Step, String> failures;
        final List<Function<LedgerSession, Order>> orderUpdates = new ArrayList<>();
        private final List<Runnable> fills = new ArrayList<>();
        private final List<Runnable> cancels = new ArrayList<>();
        private final List<Runnable> adoptions = new ArrayList<>();
        private final List<Runnable> unknownCancels = new ArrayList<>();
        final List<Step.PlaceStop> stops = new ArrayList<>();
        final List<Runnable> exits = new ArrayList<>();

        Phases(Map<Step, String> failures) {
            this.failures = failures;
        }

        /** Fills, cancels, lost stops adopted, stray orders cancelled: before any stop, so its coins are free. */
        void beforeStops() {
            fills.forEach(Runnable::run);
            cancels.forEach(Runnable::run);
            adoptions.forEach(Runnable::run);
            unknownCancels.forEach(Runnable::run);
        }

        @Override
        public void visit(Step.Adopt a) {
            orderUpdates.add(s -> a.order().acknowledged(a.venue(), clock.instant()));
        }

        @Override
        public void visit(Step.Refresh r) {
            orderUpdates.add(s -> current(s, r.order()).acknowledged(r.venue(), clock.instant()));
        }

        @Override
        public void visit(Step.MarkNeverSent n) {
            orderUpdates.add(s -> n.order().withState(OrderState.NEVER_SENT, clock.instant()));
        }

        @Override
        public void visit(Step.MarkVanished v) {
            orderUpdates.add(s -> current(s, v.order()).withState(OrderState.EXPIRED, clock.instant()));
        }

        @Override
        public void visit(Step.RecordFills f) {
            fills.add(() -> record(f));
        }

        @Override
        public void visit(Step.Cancel c) {
            cancels.add(() -> cancel(c, failures));
        }

        @Override
        public void visit(Step.AdoptStop a) {
            adoptions.add(() -> adopt(a));
        }

        @Override
        public void visit(Step.CancelUnknown u) {
            unknownCancels.add(() -> cancelUnknown(u, failures));
        }

        @Override
        public void visit(Step.PlaceStop p) {
            stops.add(p);
        }

        @Override
        public void visit(Step.ExitAtMarket e) {
            exits.add(() -> exit(e, failures));
        }
    }

    private void exit(Step.ExitAtMarket e, Map<Step, String> failures) {
        Order exit = placing.place(OrderDraft.marketExit(e.position().id(), e.position().symbol(), e.quantity()));
        if (exit.state() == OrderState.INTENT) {
            failures.put(e, "no answer yet: the exchange is asked by client id in the next round");
        } else if (exit.state() == OrderState.REJECTED) {
            String why = policy.unprotected().markExitRefused(e.position().symbol(), "REJECTED");
            LOG.error("{} is open WITHOUT a stop and {}; left open, not sent again: act by hand",
                    FindingDetails.subject(e.position()), why);
            failures.put(e, "the exchange did not take the exit (REJECTED): it is not sent again in this run; act"
                    + " by hand");
        } else if (!exit.state().isLive() && exit.state() != OrderState.FILLED) {
            failures.put(e, "the exchange did not take the exit (" + exit.state() + ")");
        }
    }

    private void cancelUnknown(Step.CancelUnknown u, Map<Step, String> failures) {
        try {
            exchange.cancel(u.venue().symbol(), u.venue().clientOrderId());
        } catch (NoSuchOrder gone) {
            LOG.info("unknown order {} was already gone", u.venue().clientOrderId());
        } catch (ExchangeException e) {
            failures.put(u, "the exchange did not cancel it: " + e.getMessage());
        }
    }

    /** Records a lost stop of ours as the position's stop, and raises the position's level to it. */
    private void adopt(Step.AdoptStop a) {
        ledger.transaction(s -> {
            if (s.order(a.venue().clientOrderId()).isEmpty()) {
                s.insertOrder(Order.adopted(a.venue(), OrderPurpose.STOP, Optional.of(a.position().id()),
                        clock.instant()));
            }
            s.position(a.position().id()).ifPresent(p -> s.updatePosition(p.withStop(a.stop(), clock.instant())));
            return null;
        });
        LOG.warn("adopted our stop {} that the ledger had lost as the stop of position #{} {}",
                a.venue().clientOrderId(), a.position().id(), a.position().symbol());
    }

    private void record(Step.RecordFills f) {
        for (ExchangeTrade trade : f.trades()) {
            Optional<FillEvent> event = fills.recordMissing(trade, current(f.order()));
            event.flatMap(FillEvent::stopIntent).ifPresent(placing::send);
        }
    }

    private void cancel(Step.Cancel step, Map<Step, String> failures) {
        Order requested = current(step.order());
        if (requested.cancelRequestedAt().isEmpty()) {
            requested = requested.cancelRequested(clock.instant());
            save(requested);
        }
        if (placing.cancel(requested).state().isLive()) {
            failures.put(step, "the exchange did not confirm the cancel; asked again in the next round");
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

    private void audit(List<Step> steps, Map<Step, String> failures) {
        ledger.transaction(s -> {
            for (Step step : steps) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("step", step.getClass().getSimpleName());
                data.put("description", step.describe());
                data.put("done", !failures.containsKey(step));
                if (failures.containsKey(step)) {
                    data.put("notDoneBecause", failures.get(step));
                }
                s.audit("reconciliation-step", data, clock.instant());
            }
            return null;
        });
    }
}
