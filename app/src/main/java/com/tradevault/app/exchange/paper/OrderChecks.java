package com.tradevault.app.exchange.paper;

import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.OrderRejected.Reason;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.exchange.SymbolRules;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The rules a venue checks before it accepts an order, with Binance Spot's
 * error codes and messages: parameters present, PRICE_FILTER, LOT_SIZE,
 * NOTIONAL, and stops that would trigger at once.
 */
final class OrderChecks {

    static final int FILTER_FAILURE = -1013;
    static final int MANDATORY_PARAMETER = -1102;
    static final int PARAMETER_NOT_REQUIRED = -1106;
    static final int INVALID_SYMBOL = -1121;
    static final int NEW_ORDER_REJECTED = -2010;

    private OrderChecks() {
    }

    /** Throws {@link OrderRejected} for the first rule {@code request} breaks at the price {@code last}. */
    static void check(OrderRequest request, SymbolRules rules, BigDecimal last) {
        OrderType type = request.type();
        boolean needsPrice = type == OrderType.LIMIT || type == OrderType.STOP_LOSS_LIMIT;
        parameter("price", request.price(), needsPrice);
        parameter("stopPrice", request.stopPrice(), type.isStop());
        lotSize(request.quantity(), rules);
        request.price().ifPresent(p -> priceFilter(p, rules));
        request.stopPrice().ifPresent(p -> priceFilter(p, rules));
        BigDecimal reference = request.price().or(request::stopPrice).orElse(last);
        if (request.quantity().multiply(reference).compareTo(rules.minNotional()) < 0) {
            throw new OrderRejected(Reason.MIN_NOTIONAL, FILTER_FAILURE, "Filter failure: NOTIONAL");
        }
        if (type.isStop() && wouldTrigger(request.side(), request.stopPrice().orElseThrow(), last)) {
            throw new OrderRejected(Reason.WOULD_TRIGGER_IMMEDIATELY, NEW_ORDER_REJECTED,
                    "Stop price would trigger immediately.");
        }
    }

    /** A sell stop triggers at or below its stop price, a buy stop at or above. */
    static boolean wouldTrigger(Side side, BigDecimal stopPrice, BigDecimal price) {
        int c = price.compareTo(stopPrice);
        return side == Side.SELL ? c <= 0 : c >= 0;
    }

    /** A buy limit fills at or below its price, a sell limit at or above. */
    static boolean limitCrossed(Side side, BigDecimal limit, BigDecimal price) {
        int c = price.compareTo(limit);
        return side == Side.BUY ? c <= 0 : c >= 0;
    }

    private static void parameter(String name, Optional<BigDecimal> value, boolean required) {
        if (required && value.isEmpty()) {
            throw new OrderRejected(Reason.OTHER, MANDATORY_PARAMETER,
                    "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
        }
        if (!required && value.isPresent()) {
            throw new OrderRejected(Reason.OTHER, PARAMETER_NOT_REQUIRED,
                    "Parameter '" + name + "' sent when not required.");
        }
    }

    private static void lotSize(BigDecimal quantity, SymbolRules rules) {
        if (quantity.compareTo(rules.minQuantity()) < 0 || !multipleOf(quantity, rules.stepSize())) {
            throw new OrderRejected(Reason.LOT_SIZE, FILTER_FAILURE, "Filter failure: LOT_SIZE");
        }
    }

    private static void priceFilter(BigDecimal price, SymbolRules rules) {
        if (price.signum() <= 0 || !multipleOf(price, rules.tickSize())) {
            throw new OrderRejected(Reason.PRICE_FILTER, FILTER_FAILURE, "Filter failure: PRICE_FILTER");
        }
    }

    private static boolean multipleOf(BigDecimal value, BigDecimal step) {
        return E8.fits(value) && value.remainder(step).signum() == 0;
    }
}
