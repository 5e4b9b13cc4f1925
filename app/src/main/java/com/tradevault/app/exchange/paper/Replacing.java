package com.tradevault.app.exchange.paper;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.NoSuchOrder;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.ReplaceFailed;
import com.tradevault.app.exchange.paper.CancelReplace.Mode;
import com.tradevault.app.exchange.paper.CancelReplace.OrderRef;
import com.tradevault.app.exchange.paper.CancelReplace.Placed;
import com.tradevault.app.exchange.paper.CancelReplace.Restriction;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Cancel-replace on the paper venue: the cancel, then (unless it failed under
 * STOP_ON_FAILURE) the new order, inside the caller's one transaction. Both
 * halves throw their refusals before writing anything, so a refused new order
 * leaves exactly the cancel to commit.
 */
final class Replacing {

    private Replacing() {
    }

    static CancelReplace.Outcome cancelReplace(VenueOrders orders, String symbol, OrderRef cancel,
            Optional<Restriction> restriction, Mode mode, OrderRequest replacement, Optional<BigDecimal> quoteQty)
            throws SQLException {
        Optional<PaperOrder> cancelled = Optional.empty();
        Optional<OrderRejected> cancelError = Optional.empty();
        try {
            cancelled = Optional.of(orders.cancel(symbol, cancel, restriction));
        } catch (NoSuchOrder e) {
            cancelError = Optional.of(new OrderRejected(OrderRejected.Reason.OTHER, OrderChecks.CANCEL_REJECTED,
                    "Unknown order sent."));
        } catch (OrderRejected e) {
            cancelError = Optional.of(e);
        }
        if (cancelError.isPresent() && mode == Mode.STOP_ON_FAILURE) {
            return new CancelReplace.Outcome(cancelled, cancelError, Optional.empty(), Optional.empty());
        }
        try {
            Placed placed = orders.place(replacement, quoteQty);
            return new CancelReplace.Outcome(cancelled, cancelError, Optional.of(placed), Optional.empty());
        } catch (OrderRejected e) {
            return new CancelReplace.Outcome(cancelled, cancelError, Optional.empty(), Optional.of(e));
        }
    }

    /** The port's replace: STOP_ON_FAILURE, ONLY_NEW, and a {@link ReplaceFailed} naming the half that failed. */
    static ExchangeOrder replace(PaperExchange exchange, String symbol, ClientOrderId cancel, OrderRequest replacement) {
        CancelReplace.Outcome outcome = exchange.cancelReplace(symbol, OrderRef.of(cancel),
                Optional.of(Restriction.ONLY_NEW), Mode.STOP_ON_FAILURE, replacement, Optional.empty());
        if (outcome.cancelError().isPresent()) {
            OrderRejected e = outcome.cancelError().get();
            throw new ReplaceFailed("cancel of " + cancel + " failed: " + e.getMessage(), Optional.empty(), e);
        }
        if (outcome.placeError().isPresent()) {
            OrderRejected e = outcome.placeError().get();
            throw new ReplaceFailed(cancel + " was cancelled but its replacement failed: " + e.getMessage(),
                    outcome.cancelled().map(PaperOrder::view), e);
        }
        return outcome.placed().orElseThrow().order().view();
    }
}
