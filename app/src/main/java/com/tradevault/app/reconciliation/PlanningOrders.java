package com.tradevault.app.reconciliation;

import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.reconciliation.Finding.Kind;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Quantity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Plans the first half of a reconciliation: what the ledger must learn about
 * each of its orders (intents adopted or never sent, live orders that
 * changed, requested cancels still to do) and which fills it lacks.
 */
final class PlanningOrders {

    private final Duration intentGrace;

    PlanningOrders(Duration intentGrace) {
        this.intentGrace = intentGrace;
    }

    void plan(Observation s, PlanSoFar p) {
        for (Order order : s.orders()) {
            Optional<ExchangeOrder> venue = s.venue(order);
            if (order.state() == OrderState.INTENT) {
                settleIntent(s, order, venue, p);
            } else if (order.state().isLive()) {
                settleLive(order, venue, p);
            }
            venue.ifPresent(v -> planFills(s, order, v, p));
        }
    }

    private void settleIntent(Observation s, Order order, Optional<ExchangeOrder> venue, PlanSoFar p) {
        if (venue.isPresent()) {
            p.step(new Step.Adopt(order, venue.get()));
            p.expect(order, OrderState.of(venue.get().status()));
            p.found(new Finding(Kind.INTENT_ADOPTED, FindingDetails.subject(order), "known to the ledger only as an intent;"
                    + " the exchange has it as " + venue.get().status() + ": adopted with its real state and fills",
                    FindingDetails.with(FindingDetails.of(order), "venueStatus", venue.get().status())));
        } else if (!s.at().isBefore(order.createdAt().plus(intentGrace))) {
            p.step(new Step.MarkNeverSent(order));
            p.expect(order, OrderState.NEVER_SENT);
            p.found(new Finding(Kind.INTENT_NEVER_SENT, FindingDetails.subject(order), "the exchange never received it:"
                    + " marked NEVER_SENT" + (order.purpose() == OrderPurpose.ENTRY
                    ? "; the entry is not sent again, the strategy decides anew" : ""), FindingDetails.of(order)));
        } else {
            p.pending = true;
            p.found(new Finding(Kind.INTENT_IN_FLIGHT, FindingDetails.subject(order), "intent written "
                    + order.createdAt() + " may still be on its way to the exchange: asked again after the grace"
                    + " period", FindingDetails.of(order)));
        }
    }

    private void settleLive(Order order, Optional<ExchangeOrder> venue, PlanSoFar p) {
        if (venue.isEmpty()) {
            p.step(new Step.MarkVanished(order));
            p.expect(order, OrderState.EXPIRED);
            p.found(new Finding(Kind.ORDER_UNKNOWN_TO_VENUE, FindingDetails.subject(order), "live in the ledger but"
                    + " unknown to the exchange: marked EXPIRED", FindingDetails.of(order)));
            return;
        }
        OrderStatus status = venue.get().status();
        if (OrderState.of(status) != order.state()) {
            p.step(new Step.Refresh(order, venue.get()));
            p.expect(order, OrderState.of(status));
            p.found(changed(order, venue.get()));
        }
        if (status.isOpen() && order.cancelRequestedAt().isPresent()) {
            p.step(new Step.Cancel(order, "its cancel was decided before the restart"));
            p.expect(order, OrderState.CANCELED);
            p.found(new Finding(Kind.CANCEL_PENDING, FindingDetails.subject(order), "the bot had decided to cancel it"
                    + " (a trailing-stop move cut short): cancelled now", FindingDetails.of(order)));
        }
    }

    private static Finding changed(Order order, ExchangeOrder venue) {
        String subject = FindingDetails.subject(order);
        var details = FindingDetails.with(FindingDetails.of(order), "venueStatus", venue.status());
        if (order.purpose() != OrderPurpose.STOP) {
            return new Finding(Kind.ORDER_STATE_CHANGED, subject, order.state() + " in the ledger, "
                    + venue.status() + " on the exchange: updated", details);
        }
        return switch (venue.status()) {
            case FILLED -> new Finding(Kind.STOP_FILLED, subject, "the stop filled while the bot was down: its"
                    + " fills are recorded and the position closed with its realized P&L", details);
            case PARTIALLY_FILLED -> new Finding(Kind.STOP_PARTIALLY_FILLED, subject, "the stop partly filled:"
                    + " its fills are recorded and it keeps protecting the remainder", details);
            case CANCELED, EXPIRED, REJECTED -> new Finding(Kind.STOP_CANCELLED, subject, "the stop is "
                    + venue.status() + " on the exchange: a new stop is placed", details);
            default -> new Finding(Kind.ORDER_STATE_CHANGED, subject, order.state() + " -> " + venue.status(),
                    details);
        };
    }

    private void planFills(Observation s, Order order, ExchangeOrder venue, PlanSoFar p) {
        BigDecimal ledger = order.executed().value();
        int cmp = venue.executedQuantity().compareTo(ledger);
        if (cmp < 0) {
            p.found(new Finding(Kind.EXTRA_LEDGER_FILLS, FindingDetails.subject(order), "the ledger has "
                    + order.executed() + " filled, the exchange " + venue.executedQuantity().toPlainString()
                    + ": reported, not changed", FindingDetails.of(order)));
        }
        if (cmp <= 0) {
            return;
        }
        List<ExchangeTrade> missing = s.venueTrades().getOrDefault(venue.exchangeOrderId(), List.of()).stream()
                .filter(t -> !s.ledgerFillIds().contains(t.fillId())).toList();
        Quantity adding = new Quantity(missing.stream().map(ExchangeTrade::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        if (!missing.isEmpty()) {
            p.step(new Step.RecordFills(order, missing));
        }
        p.found(new Finding(Kind.MISSING_FILLS, FindingDetails.subject(order), "the exchange has "
                + venue.executedQuantity().toPlainString() + " filled, the ledger " + order.executed() + ": "
                + missing.size() + " fill(s) recorded", FindingDetails.with(FindingDetails.of(order), "fills",
                missing.stream().map(ExchangeTrade::fillId).toList())));
        order.positionId().ifPresent(id -> account(order, id, adding, p));
    }

    private static void account(Order order, long positionId, Quantity adding, PlanSoFar p) {
        if (order.side() == Side.BUY) {
            p.addBought(positionId, adding);
            return;
        }
        p.addSold(positionId, adding);
        if (order.executed().plus(adding).compareTo(order.quantity()) >= 0) {
            p.closing.add(positionId);
        }
    }
}
