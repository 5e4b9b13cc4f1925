package com.tradevault.app.exchange.paper;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.OrderRejected;
import java.util.List;
import java.util.Optional;

/**
 * The vocabulary of the paper venue's order operations as Binance names it:
 * which order a request means, the cancel restrictions and cancel-replace
 * modes (rest-api.md, "Cancel order" and "Cancel an Existing Order and Send a
 * New Order"), and what a placement or a cancel-replace produced.
 */
public final class CancelReplace {

    private CancelReplace() {
    }

    /** {@code cancelReplaceMode}: whether the new order is still tried when the cancel failed. */
    public enum Mode { STOP_ON_FAILURE, ALLOW_FAILURE }

    /** {@code cancelRestrictions}: cancel only an order in this status. */
    public enum Restriction { ONLY_NEW, ONLY_PARTIALLY_FILLED }

    /** An order named by its venue id (which wins when both are given) or its client id. */
    public record OrderRef(Optional<Long> orderId, Optional<ClientOrderId> clientOrderId) {

        public static OrderRef of(ClientOrderId clientOrderId) {
            return new OrderRef(Optional.empty(), Optional.of(clientOrderId));
        }
    }

    /** A placed order and the fills its placement made at once (FULL answers list them). */
    public record Placed(PaperOrder order, List<ExchangeTrade> fills) {
    }

    /**
     * What a cancel-replace did: the cancelled order or why the cancel failed; the new order, why it failed,
     * or neither when it was not attempted.
     */
    public record Outcome(Optional<PaperOrder> cancelled, Optional<OrderRejected> cancelError,
                          Optional<Placed> placed, Optional<OrderRejected> placeError) {

        public boolean succeeded() {
            return cancelled.isPresent() && placed.isPresent();
        }
    }
}
