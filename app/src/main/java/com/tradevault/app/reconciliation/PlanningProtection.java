package com.tradevault.app.reconciliation;

import com.tradevault.app.exchange.Balance;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.orders.UnprotectedSymbols;
import com.tradevault.app.reconciliation.Finding.Kind;
import com.tradevault.app.reconciliation.ReconcileSettings.MarketThroughStop;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import com.tradevault.app.trading.TrailingStop;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the second half of a reconciliation on the state the first half
 * leads to: every open position gets exactly one live stop (placed again at
 * the trailing level recomputed from the highest price while the bot was
 * down, or an exit when the market is through it), orders with our prefix
 * that the ledger does not know are reported, and balances are checked
 * against the open positions and the dust the ledger counts.
 */
final class PlanningProtection {

    private final ReconcileSettings settings;
    private final PlanningStrays strays = new PlanningStrays();

    PlanningProtection(ReconcileSettings settings) {
        this.settings = settings;
    }

    void plan(Observation s, PlanSoFar p) {
        for (Position position : s.openPositions()) {
            if (!p.closing.contains(position.id())) {
                protect(s, position, p);
            }
        }
        unknownOrders(s, p);
        balances(s, p);
    }

    private void protect(Observation s, Position position, PlanSoFar p) {
        List<Order> orders = s.orders().stream().filter(o -> o.positionId().equals(java.util.Optional.of(
                position.id()))).toList();
        if (orders.stream().anyMatch(o -> o.purpose() == OrderPurpose.EXIT && p.expectedState(o).isUnfinished())) {
            p.found(new Finding(Kind.EXIT_PENDING, FindingDetails.subject(position), "an exit at market is still open:"
                    + " no stop is placed beside it", FindingDetails.of(position)));
            return;
        }
        List<Order> stops = orders.stream().filter(o -> o.purpose() == OrderPurpose.STOP).toList();
        if (stops.stream().anyMatch(o -> p.expectedState(o) == OrderState.INTENT)) {
            return;
        }
        List<Order> gapped = stops.stream().filter(o -> p.expectedState(o).isLive()
                && s.venue(o).filter(ExchangeOrder::triggeredButOpen).isPresent()).toList();
        List<Order> live = stops.stream().filter(o -> p.expectedState(o).isLive() && !gapped.contains(o))
                .sorted(Comparator.comparingLong(Order::id)).toList();
        for (Order surplus : live.subList(0, Math.max(0, live.size() - 1))) {
            p.step(new Step.Cancel(surplus, "a surplus stop: exactly one is kept, the newest"));
            p.found(new Finding(Kind.SURPLUS_STOP, FindingDetails.subject(position), live.size() + " live stops: "
                    + surplus.clientOrderId() + " cancelled", FindingDetails.of(surplus)));
        }
        gapped.forEach(o -> p.step(new Step.Cancel(o, "a stop-limit that triggered but did not fill")));
        if (live.isEmpty() && !gapped.isEmpty()) {
            gappedThrough(s, position, gapped.get(0), p);
        } else if (live.isEmpty()) {
            placeAgain(s, position, p);
        }
    }

    /** A stop-limit the price fell through without filling it protects nothing: cancelled, then the policy. */
    private void gappedThrough(Observation s, Position position, Order stop, PlanSoFar p) {
        Observation.Market market = s.market(position.symbol());
        Quantity quantity = p.remaining(position.id(), position.quantity()).floorToLot(market.rules());
        Map<String, Object> details = new LinkedHashMap<>(FindingDetails.of(position));
        details.put("stopOrder", stop.clientOrderId().value());
        details.put("lastPrice", market.price().toString());
        marketThrough(s, position, position.stop(), quantity, market.price(), details, p, "its stop-limit "
                + stop.clientOrderId() + " triggered at " + stop.stopPrice().map(Price::toString).orElse("?")
                + " but did not fill at its limit " + stop.price().map(Price::toString).orElse("?") + " (price "
                + market.price() + "; the price gapped through it): cancelled; ");
    }

    private void placeAgain(Observation s, Position position, PlanSoFar p) {
        Observation.Market market = s.market(position.symbol());
        SymbolRules rules = market.rules();
        Quantity quantity = p.remaining(position.id(), position.quantity()).floorToLot(rules);
        if (tooSmall(quantity, market)) {
            p.found(new Finding(Kind.DUST_ONLY, FindingDetails.subject(position), "only " + quantity + " left, below the"
                    + " exchange's minimum order: no stop can be placed", FindingDetails.of(position)));
            return;
        }
        Price highest = s.highestSinceUpdate().getOrDefault(position.id(), position.stop().highest());
        TrailingStop stop = position.stop().seeing(highest, rules).seeing(market.price(), rules);
        Map<String, Object> details = new LinkedHashMap<>(FindingDetails.of(position));
        details.put("highestWhileDown", highest.toString());
        details.put("newLevel", stop.level().toString());
        details.put("lastPrice", market.price().toString());
        if (s.unprotectable().containsKey(position.symbol())) {
            marketThrough(s, position, stop, quantity, market.price(), details, p, "the exchange refused its "
                    + (refusedExit(s, position) ? "exit" : "stop") + " for good (" + s.unprotectable()
                    .get(position.symbol()) + "): ");
        } else if (strays.adoptOrClear(s, position, quantity, stop, p)) {
            return;
        } else if (!stop.isHitBy(market.price())) {
            p.step(new Step.PlaceStop(position, stop, quantity));
            p.found(new Finding(Kind.STOP_MISSING, FindingDetails.subject(position), "no live stop on the exchange:"
                    + " placed again at " + stop.level() + " (highest " + stop.highest() + " since the last update)",
                    details));
        } else {
            marketThrough(s, position, stop, quantity, market.price(), details, p, "no live stop, and the price "
                    + market.price() + " is already at or below its level " + stop.level() + ": ");
        }
    }

    private static boolean refusedExit(Observation s, Position position) {
        return UnprotectedSymbols.exitRefused(s.unprotectable().get(position.symbol()));
    }

    private void marketThrough(Observation s, Position position, TrailingStop stop, Quantity quantity, Price price,
                               Map<String, Object> details, PlanSoFar p, String through) {
        details.put("policy", settings.marketThroughStop().configName());
        if (refusedExit(s, position)) {
            p.blockReasons.add(FindingDetails.subject(position) + " is unprotected: the exchange refused its exit at market");
            p.found(new Finding(Kind.MARKET_THROUGH_STOP, FindingDetails.subject(position), through
                    + "left open and reported, not exited again in this run; new entries blocked, act by hand",
                    details));
        } else if (settings.marketThroughStop() == MarketThroughStop.EXIT_AT_MARKET) {
            p.step(new Step.ExitAtMarket(position, quantity, price, stop.level()));
            p.found(new Finding(Kind.MARKET_THROUGH_STOP, FindingDetails.subject(position), through
                    + "exiting at market (policy exit-at-market)", details));
        } else {
            p.blockReasons.add(FindingDetails.subject(position) + " is unprotected below its stop level (alert-only)");
            p.found(new Finding(Kind.MARKET_THROUGH_STOP, FindingDetails.subject(position), through
                    + "left open and reported (policy alert-only); new entries blocked, act by hand", details));
        }
    }

    private static boolean tooSmall(Quantity quantity, Observation.Market market) {
        return quantity.isZero() || quantity.value().compareTo(market.rules().minQuantity()) < 0
                || quantity.times(market.price()).compareTo(market.rules().minNotional()) < 0;
    }

    private void unknownOrders(Observation s, PlanSoFar p) {
        for (ExchangeOrder venue : s.venueOpenOrders()) {
            if (!venue.clientOrderId().isOurs() || s.ledgerKnows().contains(venue.clientOrderId())
                    || p.handled(venue.clientOrderId())) {
                continue;
            }
            if (settings.cancelUnknownOrders()) {
                p.step(new Step.CancelUnknown(venue));
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("clientOrderId", venue.clientOrderId().value());
            details.put("exchangeOrderId", venue.exchangeOrderId());
            details.put("symbol", venue.symbol());
            details.put("side", venue.side().name());
            details.put("quantity", venue.quantity().toPlainString());
            p.found(new Finding(Kind.UNKNOWN_ORDER, "order " + venue.clientOrderId() + " on " + venue.symbol(),
                    "open on the exchange with our prefix but unknown to the ledger: " + (settings.cancelUnknownOrders()
                    ? "cancelled" : "left in place (reconcile.cancel-unknown-orders = off)"), details));
        }
    }

    private void balances(Observation s, PlanSoFar p) {
        Map<String, BigDecimal> held = new LinkedHashMap<>();
        for (Position position : s.openPositions()) {
            if (!p.closing.contains(position.id())) {
                String asset = s.market(position.symbol()).rules().baseAsset();
                held.merge(asset, p.remaining(position.id(), position.quantity()).value(), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> dust = new LinkedHashMap<>();
        s.dust().stream().filter(d -> !d.isZero()).forEach(d -> dust.merge(d.asset(), d.quantity().value(),
                BigDecimal::add));
        dust.forEach((asset, quantity) -> held.merge(asset, quantity, BigDecimal::add));
        held.forEach((asset, expected) -> checkBalance(s, asset, expected.stripTrailingZeros(),
                dust.getOrDefault(asset, BigDecimal.ZERO).stripTrailingZeros(), p));
    }

    /** The account must hold at least the open positions and the dust the ledger counts for {@code asset}. */
    private void checkBalance(Observation s, String asset, BigDecimal expected, BigDecimal dust, PlanSoFar p) {
        BigDecimal total = s.balances().getOrDefault(asset, new Balance(asset, BigDecimal.ZERO, BigDecimal.ZERO))
                .total().stripTrailingZeros();
        if (total.compareTo(expected) >= 0) {
            return;
        }
        boolean block = settings.blockOnBalanceMismatch();
        if (block) {
            p.blockReasons.add("the exchange holds " + total.toPlainString() + " " + asset + ", open positions "
                    + (dust.signum() > 0 ? "and dust " : "") + expected.toPlainString());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("asset", asset);
        details.put("exchangeTotal", total.toPlainString());
        details.put("openPositions", expected.subtract(dust).toPlainString());
        details.put("dust", dust.toPlainString());
        p.found(new Finding(Kind.BALANCE_MISMATCH, "asset " + asset, "the exchange holds " + total.toPlainString()
                + ", the open positions " + (dust.signum() > 0 ? "and dust " + dust.toPlainString() + " " : "")
                + expected.toPlainString() + ": " + (block
                ? "new entries blocked until a reconciliation finds them matching" : "reported"), details));
    }
}
