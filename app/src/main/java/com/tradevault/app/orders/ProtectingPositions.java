package com.tradevault.app.orders;

import com.tradevault.app.faults.CrashPoints;
import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import com.tradevault.app.trading.TrailingStop;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every open position under exactly one live protective stop: settles
 * stop intents, finishes requested cancels, places a missing stop (or exits at
 * market when the price is already through it), and trails the stop up on
 * new highs by cancel + place, both recorded before they are sent.
 */
public final class ProtectingPositions {

    private static final Logger LOG = LoggerFactory.getLogger(ProtectingPositions.class);

    private final Ledger ledger;
    private final Exchange exchange;
    private final PlacingOrders placing;
    private final Clock clock;
    private final BigDecimal minStopMovePercent;

    public ProtectingPositions(Ledger ledger, Exchange exchange, PlacingOrders placing, Clock clock,
                               BigDecimal minStopMovePercent) {
        this.ledger = ledger;
        this.exchange = exchange;
        this.placing = placing;
        this.clock = clock;
        this.minStopMovePercent = minStopMovePercent;
    }

    /**
     * Brings {@code position} to exactly one live stop, given the current
     * price; returns what was done, one line per action (empty: nothing to do).
     */
    public List<String> protect(Position position, Price price) {
        List<String> actions = new ArrayList<>();
        List<Order> stops = settle(unfinishedProtection(position.id()), actions);
        List<Order> live = stops.stream().filter(o -> o.state().isLive() && o.cancelRequestedAt().isEmpty())
                .sorted(Comparator.comparingLong(Order::id)).toList();
        for (int i = 0; i + 1 < live.size(); i++) {
            actions.add(requestAndCancel(live.get(i)).map(o -> "cancelled surplus stop " + o.clientOrderId())
                    .orElse("surplus stop " + live.get(i).clientOrderId() + " filled first"));
        }
        boolean pending = stops.stream().anyMatch(o -> o.state() == OrderState.INTENT
                || (o.state().isLive() && o.cancelRequestedAt().isEmpty()) || o.purpose() == OrderPurpose.EXIT);
        if (!pending && stops.stream().noneMatch(o -> o.state().isLive())) {
            actions.add(placeStop(position, position.stop().seeing(price, rules(position)), price));
        }
        return actions;
    }

    /**
     * Trails the stop after seeing {@code price}: records a new high, and when
     * the level has risen enough, replaces the live stop. Returns the position
     * as it now stands.
     */
    public Position trail(Position position, Price price) {
        TrailingStop seen = position.stop().seeing(price, rules(position));
        if (seen.equals(position.stop())) {
            return position;
        }
        if (!seen.worthMovingFrom(position.stop().level(), minStopMovePercent)) {
            Position higher = position.withStop(new TrailingStop(seen.highest(), seen.trail(),
                    position.stop().level()), clock.instant());
            ledger.transaction(s -> {
                s.updatePosition(higher);
                return null;
            });
            return higher;
        }
        return moveStop(position, seen);
    }

    private Position moveStop(Position position, TrailingStop raised) {
        Optional<Order> old = ledger.transaction(s -> s.ordersOf(position.id())).stream()
                .filter(o -> o.purpose() == OrderPurpose.STOP && o.state().isLive() && o.cancelRequestedAt().isEmpty())
                .reduce((a, b) -> b);
        if (old.isEmpty()) {
            return position;
        }
        Position moved = position.withStop(raised, clock.instant());
        Order requested = old.get().cancelRequested(clock.instant());
        Order intent = ledger.transaction(s -> {
            s.updatePosition(moved);
            s.updateOrder(requested);
            return placing.recordIntent(s, OrderDraft.stop(position.id(), position.symbol(),
                    stopQuantity(position), raised.level()));
        });
        LOG.info("raising stop of #{} {} from {} to {} (high {})", position.id(), position.symbol(),
                position.stop().level(), raised.level(), raised.highest());
        Order cancelled = placing.cancel(requested);
        CrashPoints.reach(CrashPoints.Point.BETWEEN_CANCEL_AND_PLACE);
        if (cancelled.state() == OrderState.FILLED || cancelled.state() == OrderState.PARTIALLY_FILLED) {
            markNeverSent(intent, "the stop it replaces filled first");
        } else if (!cancelled.state().isLive()) {
            placing.send(intent);
        }
        return moved;
    }

    private List<Order> settle(List<Order> orders, List<String> actions) {
        List<Order> settled = new ArrayList<>();
        for (Order o : orders) {
            Order now = o;
            if (o.state() == OrderState.INTENT) {
                now = placing.resolve(o);
                actions.add("intent " + o.clientOrderId() + " -> " + now.state());
            } else if (o.cancelRequestedAt().isPresent() && o.state().isLive()) {
                now = placing.cancel(o);
                actions.add("requested cancel of " + o.clientOrderId() + " -> " + now.state());
            }
            settled.add(now);
        }
        return settled.stream().filter(o -> o.state().isUnfinished()).toList();
    }

    private List<Order> unfinishedProtection(long positionId) {
        return ledger.transaction(s -> s.ordersOf(positionId)).stream()
                .filter(o -> o.purpose() != OrderPurpose.ENTRY && o.state().isUnfinished()).toList();
    }

    private Optional<Order> requestAndCancel(Order live) {
        Order requested = live.cancelRequested(clock.instant());
        ledger.transaction(s -> {
            s.updateOrder(requested);
            return null;
        });
        Order done = placing.cancel(requested);
        return done.state() == OrderState.CANCELED ? Optional.of(done) : Optional.empty();
    }

    private String placeStop(Position position, TrailingStop stop, Price price) {
        Quantity quantity = stopQuantity(position);
        if (stop.isHitBy(price)) {
            return exitAtMarket(position, quantity, "price " + price + " is already at or below the stop "
                    + stop.level());
        }
        Position updated = position.withStop(stop, clock.instant());
        Order intent = ledger.transaction(s -> {
            s.updatePosition(updated);
            return placing.recordIntent(s, OrderDraft.stop(position.id(), position.symbol(), quantity, stop.level()));
        });
        Order sent = placing.send(intent);
        if (sent.state() == OrderState.REJECTED && stop.isHitBy(Price.of(exchange.lastPrice(position.symbol())
                .toPlainString()))) {
            return exitAtMarket(position, quantity, "the stop would have triggered at once");
        }
        return "placed stop " + sent.clientOrderId() + " at " + stop.level() + " -> " + sent.state();
    }

    private String exitAtMarket(Position position, Quantity quantity, String why) {
        LOG.warn("position #{} {} is unprotected and {}: exiting at market", position.id(), position.symbol(), why);
        Order exit = placing.place(OrderDraft.marketExit(position.id(), position.symbol(), quantity));
        return "exit at market " + exit.clientOrderId() + " (" + why + ") -> " + exit.state();
    }

    private void markNeverSent(Order intent, String why) {
        ledger.transaction(s -> {
            s.updateOrder(intent.withState(OrderState.NEVER_SENT, clock.instant()));
            return null;
        });
        LOG.info("stop intent {} not sent: {}", intent.clientOrderId(), why);
    }

    private Quantity stopQuantity(Position position) {
        return position.quantity().floorToLot(rules(position));
    }

    private SymbolRules rules(Position position) {
        return exchange.rules(position.symbol());
    }
}
