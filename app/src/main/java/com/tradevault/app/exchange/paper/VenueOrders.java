package com.tradevault.app.exchange.paper;

import com.tradevault.app.exchange.NoSuchOrder;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.exchange.paper.CancelReplace.OrderRef;
import com.tradevault.app.exchange.paper.CancelReplace.Placed;
import com.tradevault.app.exchange.paper.CancelReplace.Restriction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The venue's order operations inside the caller's transaction: place (by
 * quantity or by quote amount), cancel (with Binance's cancel restrictions) and
 * find by venue id or client id. A refusal is thrown before anything is written,
 * which is what lets a cancel-replace commit its cancel alone.
 */
final class VenueOrders {

    private final PaperStore store;
    private final Matching matching;

    VenueOrders(PaperStore store, Matching matching) {
        this.store = store;
        this.matching = matching;
    }

    /** Places {@code request}; with {@code quoteQty} its quantity is what that amount pays for at the last price. */
    Placed place(OrderRequest request, Optional<BigDecimal> quoteQty) throws SQLException {
        if (quoteQty.isEmpty()) {
            return placed(matching.place(request, BigDecimal.ZERO));
        }
        SymbolRules rules = matching.rules(request.symbol());
        BigDecimal last = matching.lastPrice(request.symbol());
        BigDecimal quantity = EightDecimals.plain(rules.floorQuantity(quoteQty.get().divide(last, EightDecimals.SCALE, RoundingMode.DOWN)));
        OrderRequest sized = new OrderRequest(request.symbol(), request.side(), request.type(), quantity,
                request.price(), request.stopPrice(), request.trailingDelta(), request.clientOrderId());
        return placed(matching.place(sized, quoteQty.get()));
    }

    private Placed placed(PaperOrder order) throws SQLException {
        return new Placed(order, store.tradesOfOrder(order.id()));
    }

    PaperOrder cancel(String symbol, OrderRef ref, Optional<Restriction> restriction) throws SQLException {
        PaperOrder order = open(symbol, ref).orElseThrow(() -> new NoSuchOrder("Unknown order sent."));
        if (restriction.isPresent() && !passes(order.status(), restriction.get())) {
            throw new OrderRejected(OrderRejected.Reason.OTHER, OrderChecks.CANCEL_REJECTED,
                    "Order was not canceled due to cancel restrictions.");
        }
        return matching.cancel(order);
    }

    private static boolean passes(OrderStatus status, Restriction restriction) {
        return restriction == Restriction.ONLY_NEW ? status == OrderStatus.NEW
                : status == OrderStatus.PARTIALLY_FILLED;
    }

    private Optional<PaperOrder> open(String symbol, OrderRef ref) throws SQLException {
        matching.rules(symbol);
        Optional<PaperOrder> found = ref.orderId().isPresent() ? store.orderById(ref.orderId().get())
                : store.openOrderByClientId(ref.clientOrderId().orElseThrow().value());
        return found.filter(o -> o.symbol().equals(symbol) && o.status().isOpen());
    }

    /** The order {@code ref} names (by client id: the newest with that id), if any. */
    Optional<PaperOrder> find(String symbol, OrderRef ref) throws SQLException {
        matching.rules(symbol);
        Optional<PaperOrder> found = ref.orderId().isPresent() ? store.orderById(ref.orderId().get())
                : store.orderByClientId(ref.clientOrderId().orElseThrow().value());
        return found.filter(o -> o.symbol().equals(symbol));
    }
}
