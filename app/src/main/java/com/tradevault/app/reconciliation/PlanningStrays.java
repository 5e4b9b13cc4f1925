package com.tradevault.app.reconciliation;

import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.reconciliation.Finding.Kind;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import com.tradevault.app.trading.TrailingStop;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans what to do with our own sell orders the ledger lost (open on the
 * exchange with our client-id prefix, unknown to the ledger: a restored
 * backup or a truncated log forgot the newest stop moves) before a position
 * gets a new stop: a stop that fits the position is adopted as its stop;
 * any other is cancelled first, since it locks the coins a new stop needs.
 */
final class PlanningStrays {

    /** Returns true when a stray stop was adopted and no new stop is needed. */
    boolean adoptOrClear(Observation s, Position position, Quantity quantity, TrailingStop stop, PlanSoFar p) {
        List<ExchangeOrder> strays = s.venueOpenOrders().stream().filter(v -> v.clientOrderId().isOurs()
                && !s.ledgerKnows().contains(v.clientOrderId()) && !p.handled(v.clientOrderId())
                && v.symbol().equals(position.symbol()) && v.side() == Side.SELL).toList();
        Optional<ExchangeOrder> fitting = strays.stream().filter(v -> fits(v, quantity))
                .max(Comparator.comparing(ExchangeOrder::createdAt));
        fitting.ifPresent(v -> adopt(position, v, stop, p));
        strays.stream().filter(v -> fitting.map(f -> f != v).orElse(true)).forEach(v -> cancel(position, v, p));
        return fitting.isPresent();
    }

    /** A stop of ours, open and waiting, for no more than the position holds. */
    private static boolean fits(ExchangeOrder v, Quantity quantity) {
        return v.type().isStop() && v.status().isOpen() && !v.triggeredButOpen() && v.stopPrice().isPresent()
                && v.executedQuantity().signum() == 0 && v.quantity().signum() > 0
                && v.quantity().compareTo(quantity.value()) <= 0;
    }

    private static void adopt(Position position, ExchangeOrder v, TrailingStop recomputed, PlanSoFar p) {
        Price level = new Price(v.stopPrice().orElseThrow());
        TrailingStop stop = new TrailingStop(recomputed.highest(), recomputed.trail(),
                level.isAbove(position.stop().level()) ? level : position.stop().level());
        p.handle(v.clientOrderId());
        p.step(new Step.AdoptStop(position, v, stop));
        p.found(new Finding(Kind.STOP_ADOPTED, FindingDetails.subject(position), "the exchange has our stop "
                + v.clientOrderId() + " (sell " + v.quantity().toPlainString() + " at " + level + ") that the ledger"
                + " lost (a restored backup or lost log): adopted as the position's stop", details(v)));
    }

    private static void cancel(Position position, ExchangeOrder v, PlanSoFar p) {
        p.handle(v.clientOrderId());
        p.step(new Step.CancelUnknown(v));
        p.found(new Finding(Kind.UNKNOWN_ORDER, "order " + v.clientOrderId() + " on " + v.symbol(), "open on the"
                + " exchange with our prefix but unknown to the ledger, and it does not fit "
                + FindingDetails.subject(position) + ": cancelled before a new stop is placed, since it locks the coins",
                details(v)));
    }

    static Map<String, Object> details(ExchangeOrder venue) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("clientOrderId", venue.clientOrderId().value());
        details.put("exchangeOrderId", venue.exchangeOrderId());
        details.put("symbol", venue.symbol());
        details.put("side", venue.side().name());
        details.put("type", venue.type().name());
        details.put("quantity", venue.quantity().toPlainString());
        venue.stopPrice().ifPresent(sp -> details.put("stopPrice", sp.toPlainString()));
        return details;
    }
}
