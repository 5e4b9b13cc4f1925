package com.tradevault.app.orders;

import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeUnavailable;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.ReplaceFailed;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.faults.CrashPoints;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.TrailingStop;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trails a position's stop up on new highs. The move is written ahead: the
 * old stop's cancel request and the new stop's intent in one transaction,
 * before anything is sent. Where the symbol allows it the move is one
 * cancel-replace request, so the position is without a live stop only for
 * the venue's own instant; elsewhere it is a cancel, then a place. A stop
 * the exchange trails itself ({@code strategy.trail-mode = venue}) is never
 * moved: only the ledger's high and level follow the price, for status.
 */
final class MovingStops {

    private static final Logger LOG = LoggerFactory.getLogger(MovingStops.class);

    private final Ledger ledger;
    private final Exchange exchange;
    private final PlacingOrders placing;
    private final Clock clock;
    private final BigDecimal minStopMovePercent;
    private final DraftingStops drafting;

    MovingStops(Ledger ledger, Exchange exchange, PlacingOrders placing, Clock clock, BigDecimal minStopMovePercent,
                DraftingStops drafting) {
        this.ledger = ledger;
        this.exchange = exchange;
        this.placing = placing;
        this.clock = clock;
        this.minStopMovePercent = minStopMovePercent;
        this.drafting = drafting;
    }

    /**
     * The position after a move.
     *
     * @param naked the old stop was cancelled and its replacement failed: a stop must be placed at once
     */
    record Moved(Position position, boolean naked) {
    }

    Moved trail(Position position, Price price) {
        SymbolRules rules = exchange.rules(position.symbol());
        TrailingStop seen = position.stop().seeing(price, rules);
        if (seen.equals(position.stop())) {
            return new Moved(position, false);
        }
        if (venueTrailed(position, rules) || !seen.worthMovingFrom(position.stop().level(), minStopMovePercent)) {
            // The exchange trails a venue stop itself: the ledger follows the high, the stop is not touched.
            Position higher = position.withStop(new TrailingStop(seen.highest(), seen.trail(),
                    position.stop().level()), clock.instant());
            ledger.transaction(s -> {
                s.updatePosition(higher);
                return null;
            });
            return new Moved(higher, false);
        }
        return move(position, seen, rules);
    }

    /**
     * Whether the exchange trails this position's stop: venue mode on a symbol that allows it, and the live
     * stop is a venue stop. A stop placed before the switch to venue mode is moved once more, by a venue stop.
     */
    private boolean venueTrailed(Position position, SymbolRules rules) {
        return drafting.venueTrails(rules) && liveStop(position).map(o -> o.trailingDelta().isPresent()).orElse(true);
    }

    private Optional<Order> liveStop(Position position) {
        return ledger.transaction(s -> s.ordersOf(position.id())).stream()
                .filter(o -> o.purpose() == OrderPurpose.STOP && o.state().isLive() && o.cancelRequestedAt().isEmpty())
                .reduce((a, b) -> b);
    }

    private Moved move(Position position, TrailingStop raised, SymbolRules rules) {
        Optional<Order> old = liveStop(position);
        if (old.isEmpty()) {
            return new Moved(position, false);
        }
        var average = DraftingStops.averagePriceOf(rules, () -> exchange.averagePrice(position.symbol()));
        Position moved = position.withStop(raised, clock.instant());
        Order requested = old.get().cancelRequested(clock.instant());
        Order intent = ledger.transaction(s -> {
            s.updatePosition(moved);
            s.updateOrder(requested);
            return placing.recordIntent(s, drafting.draft(position.id(), rules, position.quantity().floorToLot(rules), raised.level(),
                    average));
        });
        LOG.info("raising stop of #{} {} from {} to {} (high {}){}", position.id(), position.symbol(),
                position.stop().level(), raised.level(), raised.highest(),
                rules.cancelReplaceAllowed() ? " by cancel-replace" : "");
        boolean naked = rules.cancelReplaceAllowed() ? replace(requested, intent) : cancelThenPlace(requested, intent);
        return new Moved(moved, naked);
    }

    private boolean cancelThenPlace(Order requested, Order intent) {
        Order cancelled = placing.cancel(requested);
        placing.crashPoints().reach(CrashPoints.Point.BETWEEN_CANCEL_AND_PLACE);
        if (cancelled.state() == OrderState.FILLED || cancelled.state() == OrderState.PARTIALLY_FILLED) {
            markNeverSent(intent, "the stop it replaces filled first");
            return false;
        } else if (!cancelled.state().isLive()) {
            return placing.send(intent).state() == OrderState.REJECTED;
        }
        return false;
    }

    /** One cancel-replace; returns true when the old stop is gone and the new one is not there. */
    private boolean replace(Order requested, Order intent) {
        placing.crashPoints().reach(CrashPoints.Point.AFTER_INTENT_COMMIT);
        try {
            ExchangeOrder placed = exchange.replace(requested.symbol(), requested.clientOrderId(), intent.request());
            // The venue swapped the stops; the ledger still has the cancel request and the intent. The same
            // points as a cancel, then a place, so that the crash tests halt here on either venue.
            placing.crashPoints().reach(CrashPoints.Point.BETWEEN_CANCEL_AND_PLACE);
            placing.crashPoints().reach(CrashPoints.Point.AFTER_SEND_BEFORE_ACK);
            ledger.transaction(s -> {
                s.updateOrder(requested.withState(OrderState.CANCELED, clock.instant()));
                s.updateOrder(intent.acknowledged(placed, clock.instant()));
                return null;
            });
            LOG.info("replaced {} by {} -> {} (venue id {})", requested.clientOrderId(), intent.describe(),
                    placed.status(), placed.exchangeOrderId());
            return false;
        } catch (ReplaceFailed e) {
            LOG.warn("cancel-replace of {} failed: {}", requested.clientOrderId(), e.getMessage());
            return e.cancelled().isPresent() ? replacementFailed(requested, intent, e)
                    : cancelThenPlaceAfterFailedCancel(requested, intent);
        }
    }

    /** The old stop was cancelled, its replacement was not placed (or its fate is unknown). */
    private boolean replacementFailed(Order requested, Order intent, ReplaceFailed e) {
        placing.saveAs(requested, e.cancelled().orElseThrow());
        placing.crashPoints().reach(CrashPoints.Point.BETWEEN_CANCEL_AND_PLACE);
        if (e.getCause() instanceof OrderRejected rejected) {
            placing.rejected(intent, rejected);
            return true;
        }
        if (e.getCause() instanceof ExchangeUnavailable) {
            markNeverSent(intent, "the exchange could not be reached");
            return true;
        }
        placing.recheck(intent);
        return false;
    }

    /** The cancel half failed: the old stop is still there, or it filled, or someone else cancelled it. */
    private boolean cancelThenPlaceAfterFailedCancel(Order requested, Order intent) {
        Order now = placing.refresh(requested);
        if (now.state() == OrderState.FILLED || now.state() == OrderState.PARTIALLY_FILLED) {
            markNeverSent(intent, "the stop it replaces filled first");
        } else if (!now.state().isLive()) {
            return placing.send(intent).state() == OrderState.REJECTED;
        }
        return false;
    }

    private void markNeverSent(Order intent, String why) {
        ledger.transaction(s -> {
            s.updateOrder(intent.withState(OrderState.NEVER_SENT, clock.instant()));
            return null;
        });
        LOG.info("stop intent {} not sent: {}", intent.clientOrderId(), why);
    }
}
