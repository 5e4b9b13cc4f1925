package com.tradevault.app.orders;

import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.OrderRejected;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every open position under exactly one live protective stop of the
 * type its symbol allows: settles stop intents, finishes requested cancels,
 * places a missing stop (or exits at market when the price is already through
 * it), and trails the stop up on new highs ({@link MovingStops}). A stop the
 * venue refuses for good is not asked for again: the position is exited (or
 * left and reported, per {@code reconcile.market-through-stop}) and entries on
 * its symbol are blocked; a stop refused for a passing reason is asked for
 * again after a growing wait, never every scan.
 */
public final class ProtectingPositions {

    private static final Logger LOG = LoggerFactory.getLogger(ProtectingPositions.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    private final Ledger ledger;
    private final Exchange exchange;
    private final PlacingOrders placing;
    private final Clock clock;
    private final ProtectionPolicy policy;
    private final MovingStops moving;
    private final Map<Long, Retry> retries = new ConcurrentHashMap<>();

    private record Retry(Instant notBefore, Duration delay) {
    }

    public ProtectingPositions(Ledger ledger, Exchange exchange, PlacingOrders placing, Clock clock,
                               BigDecimal minStopMovePercent) {
        this(ledger, exchange, placing, clock, minStopMovePercent, ProtectionPolicy.defaults());
    }

    public ProtectingPositions(Ledger ledger, Exchange exchange, PlacingOrders placing, Clock clock,
                               BigDecimal minStopMovePercent, ProtectionPolicy policy) {
        this.ledger = ledger;
        this.exchange = exchange;
        this.placing = placing;
        this.clock = clock;
        this.policy = policy;
        this.moving = new MovingStops(ledger, exchange, placing, clock, minStopMovePercent, policy.drafting());
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
            actions.add(protectAnew(position, price));
        }
        return actions;
    }

    /**
     * Trails the stop after seeing {@code price}: records a new high, and when
     * the level has risen enough, moves the live stop (cancel-replace where
     * the symbol allows it). Returns the position as it now stands.
     */
    public Position trail(Position position, Price price) {
        MovingStops.Moved moved = moving.trail(position, price);
        if (moved.naked()) {
            LOG.warn("position #{} {}: the old stop was cancelled but its replacement failed; placing a stop at once",
                    position.id(), position.symbol());
            protect(moved.position(), price);
        }
        return moved.position();
    }

    /**
     * A stop-limit of {@code position} triggered but did not fill (the price
     * gapped through its limit): it protects nothing any more. It is cancelled,
     * then the position is exited at market or left and reported, as for a
     * market already through its stop.
     */
    public String gappedThrough(Position position, Order stop, Price price) {
        String why = "its stop-limit " + stop.clientOrderId() + " triggered at " + stop.stopPrice().orElseThrow()
                + " but did not fill at its limit " + stop.price().map(Price::toString).orElse("?")
                + " (price " + price + ")";
        LOG.error("position #{} {} is unprotected: {}", position.id(), position.symbol(), why);
        report("MARKET_THROUGH_STOP", position, why);
        Optional<Order> cancelled = requestAndCancel(stop);
        if (cancelled.isEmpty()) {
            return "triggered stop-limit " + stop.clientOrderId() + " could not be cancelled (it may have filled)";
        }
        return unprotected(position, stopQuantity(position), why);
    }

    private String protectAnew(Position position, Price price) {
        Optional<String> refused = policy.unprotected().reason(position.symbol());
        if (refused.isPresent()) {
            return unprotected(position, stopQuantity(position), refused.get());
        }
        Retry retry = retries.get(position.id());
        if (retry != null && clock.instant().isBefore(retry.notBefore())) {
            return "no stop yet for #" + position.id() + ": asking the exchange again after " + retry.notBefore();
        }
        return placeStop(position, position.stop().seeing(price, rules(position)), price);
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
            return unprotected(position, quantity, "price " + price + " is already at or below the stop "
                    + stop.level());
        }
        SymbolRules rules = rules(position);
        var average = DraftingStops.averagePriceOf(rules, () -> exchange.averagePrice(position.symbol()));
        Position updated = position.withStop(stop, clock.instant());
        Order intent = ledger.transaction(s -> {
            s.updatePosition(updated);
            return placing.recordIntent(s, policy.drafting().draft(position.id(), rules, quantity, stop.level(),
                    average));
        });
        return sendStop(updated, intent);
    }

    /**
     * Sends a committed stop intent of {@code position} (the one an entry's
     * fill wrote, or a new one) and deals with a refusal at once, as for any
     * stop of the position: a stop that would trigger at once or is refused for
     * good leads to the exit, a passing refusal to a later retry.
     */
    public String sendStop(Position position, Order intent) {
        Quantity quantity = stopQuantity(position);
        PlacingOrders.Sent sent = placing.attempt(intent);
        if (sent.refusedForGood()) {
            return refusedForGood(position, quantity, sent.refusal().orElseThrow());
        }
        if (sent.order().state() == OrderState.REJECTED) {
            return refused(position, quantity, position.stop(), sent);
        }
        retries.remove(position.id());
        return "placed stop " + sent.order().clientOrderId() + " at " + position.stop().level() + " -> "
                + sent.order().state();
    }

    /**
     * A passing refusal: the stop is asked for again after a wait that doubles up to five minutes. A stop the
     * venue says would trigger at once is not asked for again: the market is through it (the venue's last
     * price is the one that counts, whatever the price read here a moment later says), so the position is
     * treated as its stop would have treated it.
     */
    private String refused(Position position, Quantity quantity, TrailingStop stop, PlacingOrders.Sent sent) {
        boolean wouldTrigger = sent.refusal().map(r -> r.reason() == OrderRejected.Reason.WOULD_TRIGGER_IMMEDIATELY)
                .orElse(false);
        if (wouldTrigger || stop.isHitBy(Price.of(exchange.lastPrice(position.symbol()).toPlainString()))) {
            return unprotected(position, quantity, "its stop at " + stop.level() + " would have triggered at once");
        }
        Retry last = retries.get(position.id());
        Duration wait = last == null ? FIRST_RETRY : last.delay().multipliedBy(2);
        wait = wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
        retries.put(position.id(), new Retry(clock.instant().plus(wait), wait));
        String why = sent.refusal().map(r -> r.getMessage() + " (" + r.reason() + ")").orElse("refused");
        LOG.error("position #{} {} has no stop: the exchange refused it: {}; asking again in {}s", position.id(),
                position.symbol(), why, wait.toSeconds());
        return "stop for #" + position.id() + " refused: " + why + "; asking again in " + wait.toSeconds() + "s";
    }

    /** A refusal that will not go away: exit (or alert), block entries on the symbol, say so loudly. */
    private String refusedForGood(Position position, Quantity quantity, OrderRejected refusal) {
        String why = "the exchange refused its stop for good: " + refusal.getMessage() + " (" + refusal.reason() + ")";
        policy.unprotected().mark(position.symbol(), why);
        LOG.error("position #{} {} cannot be protected: {}; new entries on {} are blocked", position.id(),
                position.symbol(), why, position.symbol());
        report("STOP_REFUSED", position, why);
        return unprotected(position, quantity, why);
    }

    /** A position without protection: exit at market, or leave it and report (policy alert-only). */
    private String unprotected(Position position, Quantity quantity, String why) {
        if (policy.exitWhenUnprotected() && !exitRefused(position)) {
            return exitAtMarket(position, quantity, why);
        }
        if (exitRefused(position)) {
            return "left open without a stop: " + why + "; act by hand";
        }
        if (policy.unprotected().reason(position.symbol()).isEmpty()) {
            policy.unprotected().mark(position.symbol(), why);
            LOG.error("position #{} {} is open WITHOUT a stop ({}); left open (reconcile.market-through-stop ="
                    + " alert-only): act by hand; new entries on {} are blocked", position.id(), position.symbol(),
                    why, position.symbol());
        }
        return "left open without a stop (policy alert-only): " + why;
    }

    private String exitAtMarket(Position position, Quantity quantity, String why) {
        LOG.warn("position #{} {} is unprotected and {}: exiting at market", position.id(), position.symbol(), why);
        Order intent = ledger.transaction(s -> placing.recordIntent(s, OrderDraft.marketExit(position.id(),
                position.symbol(), quantity)));
        PlacingOrders.Sent sent = placing.attempt(intent);
        if (sent.order().state() == OrderState.REJECTED) {
            return exitRefused(position, sent.refusal().map(r -> r.getMessage() + " (" + r.reason() + ")")
                    .orElse("REJECTED"));
        }
        return "exit at market " + sent.order().clientOrderId() + " (" + why + ") -> " + sent.order().state();
    }

    private boolean exitRefused(Position position) {
        return UnprotectedSymbols.exitRefused(policy.unprotected().reason(position.symbol()).orElse(null));
    }

    /** A refused exit is not sent again in this run: the position is left open and reported, entries blocked. */
    private String exitRefused(Position position, String refusal) {
        String why = policy.unprotected().markExitRefused(position.symbol(), refusal);
        LOG.error("position #{} {} is open WITHOUT a stop and {}; left open, not sent again: act by hand; new"
                + " entries on {} are blocked", position.id(), position.symbol(), why, position.symbol());
        report("EXIT_REFUSED", position, why);
        return "left open without a stop: " + why + "; act by hand";
    }

    private void report(String kind, Position position, String message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", kind);
        data.put("subject", "position #" + position.id() + " " + position.symbol());
        data.put("message", message);
        data.put("policy", policy.exitWhenUnprotected() ? "exit-at-market" : "alert-only");
        ledger.transaction(s -> {
            s.audit("protection-finding", data, clock.instant());
            return null;
        });
    }

    private Quantity stopQuantity(Position position) {
        return position.quantity().floorToLot(rules(position));
    }

    private SymbolRules rules(Position position) {
        return exchange.rules(position.symbol());
    }
}
