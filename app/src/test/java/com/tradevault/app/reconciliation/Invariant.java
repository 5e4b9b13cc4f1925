package com.tradevault.app.reconciliation;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.trading.Fill;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The restart-safety invariant, checked from the outside on a ledger and
 * what the exchange reports: every open position has exactly one live
 * protective stop on the exchange; the ledger's fills for our orders equal
 * the exchange's (none lost, none twice); no client order id used twice.
 */
public final class Invariant {

    private Invariant() {
    }

    /** What the exchange reports: every order and every trade of the account. */
    public record Venue(List<ExchangeOrder> orders, List<ExchangeTrade> trades) {
    }

    /** The violations found; empty when the invariant holds. */
    public static List<String> violations(Ledger ledger, Venue venue) {
        return violations(ledger, venue, Optional.empty());
    }

    /**
     * The violations found, where every live stop must also be of {@code stopType} (the one type of stop a
     * venue configured like real BTCUSDT allows: STOP_LOSS_LIMIT); empty when the invariant holds.
     */
    public static List<String> violations(Ledger ledger, Venue venue, Optional<OrderType> stopType) {
        List<String> problems = new ArrayList<>();
        List<Order> orders = ledger.read(LedgerSession::allOrders);
        Map<ClientOrderId, Order> byId = orders.stream().collect(Collectors.toMap(Order::clientOrderId,
                Function.identity()));
        stops(ledger.read(LedgerSession::openPositions), venue, byId, stopType, problems);
        fills(ledger.read(LedgerSession::allFills), orders, venue, problems);
        clientIds(venue, byId, problems);
        return problems;
    }

    private static void stops(List<Position> open, Venue venue, Map<ClientOrderId, Order> byId,
                              Optional<OrderType> stopType, List<String> problems) {
        Map<Long, Integer> live = new HashMap<>();
        for (ExchangeOrder v : venue.orders()) {
            Order o = byId.get(v.clientOrderId());
            if (v.status().isOpen() && v.type().isStop() && !v.triggeredButOpen() && o != null
                    && o.purpose() == OrderPurpose.STOP) {
                o.positionId().ifPresent(id -> live.merge(id, 1, Integer::sum));
                stopType.filter(t -> t != v.type()).ifPresent(t -> problems.add("stop " + v.clientOrderId()
                        + " is a " + v.type() + ", not the " + t + " the venue allows"));
            }
        }
        for (Position p : open) {
            int n = live.getOrDefault(p.id(), 0);
            if (n != 1) {
                problems.add("open position #" + p.id() + " " + p.symbol() + " has " + n + " live stops on the exchange");
            }
        }
    }

    private static void fills(List<Fill> fills, List<Order> orders, Venue venue, List<String> problems) {
        Map<Long, Order> byLedgerId = orders.stream().collect(Collectors.toMap(Order::id, Function.identity()));
        Set<String> ourVenueOrders = venue.orders().stream().filter(v -> v.clientOrderId().isOurs())
                .map(ExchangeOrder::exchangeOrderId).collect(Collectors.toSet());
        Map<String, String> venueFills = new TreeMap<>();
        venue.trades().stream().filter(t -> ourVenueOrders.contains(t.exchangeOrderId()))
                .forEach(t -> venueFills.put(t.fillId(), t.quantity().stripTrailingZeros().toPlainString()));
        Map<String, String> ledgerFills = new TreeMap<>();
        for (Fill f : fills) {
            if (ledgerFills.put(f.exchangeFillId(), f.quantity().value().stripTrailingZeros().toPlainString()) != null) {
                problems.add("fill " + f.exchangeFillId() + " recorded twice");
            }
            if (!byLedgerId.containsKey(f.orderId())) {
                problems.add("fill " + f.exchangeFillId() + " belongs to no order");
            }
        }
        if (!venueFills.equals(ledgerFills)) {
            Set<String> lost = new java.util.TreeSet<>(venueFills.keySet());
            lost.removeAll(ledgerFills.keySet());
            Set<String> extra = new java.util.TreeSet<>(ledgerFills.keySet());
            extra.removeAll(venueFills.keySet());
            problems.add("fills differ: missing from the ledger " + lost + ", only in the ledger " + extra);
        }
    }

    private static void clientIds(Venue venue, Map<ClientOrderId, Order> byId, List<String> problems) {
        Map<ClientOrderId, Long> counts = venue.orders().stream().collect(Collectors.groupingBy(
                ExchangeOrder::clientOrderId, Collectors.counting()));
        counts.forEach((id, n) -> {
            if (n > 1) {
                problems.add("client order id " + id + " used " + n + " times on the exchange");
            }
            if (id.isOurs() && !byId.containsKey(id)) {
                problems.add("order " + id + " on the exchange is unknown to the ledger");
            }
        });
    }
}
