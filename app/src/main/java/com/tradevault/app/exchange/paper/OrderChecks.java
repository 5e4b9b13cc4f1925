package com.tradevault.app.exchange.paper;

import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.OrderRejected.Reason;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.exchange.SymbolRules;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The rules a venue checks before it accepts an order, with Binance Spot's
 * error codes and messages (errors.md, filters.md): the order type allowed on
 * the symbol, parameters present, PRICE_FILTER, LOT_SIZE, PERCENT_PRICE_BY_SIDE,
 * NOTIONAL, TRAILING_DELTA, stops that would trigger at once and LIMIT_MAKER
 * orders that would take.
 */
final class OrderChecks {

    static final int FILTER_FAILURE = -1013;
    static final int UNSUPPORTED_COMBINATION = -1014;
    static final int MANDATORY_PARAMETER = -1102;
    static final int PARAMETER_NOT_REQUIRED = -1106;
    static final int INVALID_SYMBOL = -1121;
    static final int NEW_ORDER_REJECTED = -2010;
    static final int CANCEL_REJECTED = -2011;

    private static final Map<OrderType, String> NOT_SUPPORTED = Map.of(
            OrderType.MARKET, "Market orders are not supported for this symbol.",
            OrderType.STOP_LOSS, "Stop loss orders are not supported for this symbol.",
            OrderType.STOP_LOSS_LIMIT, "Stop loss limit orders are not supported for this symbol.",
            OrderType.TAKE_PROFIT, "Take profit orders are not supported for this symbol.",
            OrderType.TAKE_PROFIT_LIMIT, "Take profit limit orders are not supported for this symbol.");

    private OrderChecks() {
    }

    /**
     * Throws {@link OrderRejected} for the first rule {@code request} breaks at the last price {@code last}
     * and the average price {@code average}.
     */
    static void check(OrderRequest request, SymbolRules rules, BigDecimal last, BigDecimal average) {
        allowedType(request.type(), rules);
        parameters(request, rules);
        lotSize(request.quantity(), rules);
        request.price().ifPresent(p -> priceFilter(p, rules));
        request.stopPrice().ifPresent(p -> priceFilter(p, rules));
        request.price().ifPresent(p -> priceBand(p, rules, average));
        BigDecimal reference = request.price().or(request::stopPrice).orElse(last);
        if (request.quantity().multiply(reference).compareTo(rules.minNotional()) < 0) {
            throw new OrderRejected(Reason.MIN_NOTIONAL, FILTER_FAILURE, "Filter failure: NOTIONAL");
        }
        request.trailingDelta().ifPresent(OrderChecks::trailingDelta);
        if (request.stopPrice().isPresent()
                && Contingent.reached(request.type(), request.side(), request.stopPrice().get(), last)) {
            throw new OrderRejected(Reason.WOULD_TRIGGER_IMMEDIATELY, NEW_ORDER_REJECTED,
                    "Stop price would trigger immediately.");
        }
        if (request.type() == OrderType.LIMIT_MAKER && limitCrossed(request.side(), request.price().get(), last)) {
            throw new OrderRejected(Reason.OTHER, NEW_ORDER_REJECTED, "Order would immediately match and take.");
        }
    }

    private static void allowedType(OrderType type, SymbolRules rules) {
        if (!rules.orderTypes().contains(type)) {
            String message = NOT_SUPPORTED.get(type);
            throw message != null ? new OrderRejected(Reason.ORDER_TYPE_NOT_SUPPORTED, FILTER_FAILURE, message)
                    : new OrderRejected(Reason.ORDER_TYPE_NOT_SUPPORTED, UNSUPPORTED_COMBINATION,
                            "Unsupported order combination.");
        }
    }

    private static void parameters(OrderRequest request, SymbolRules rules) {
        OrderType type = request.type();
        boolean contingent = Contingent.is(type);
        parameter("price", request.price(), type.hasLimitPrice());
        if (!contingent) {
            parameter("stopPrice", request.stopPrice(), false);
            parameter("trailingDelta", request.trailingDelta(), false);
        } else if (request.stopPrice().isEmpty() && request.trailingDelta().isEmpty()) {
            throw new OrderRejected(Reason.OTHER, MANDATORY_PARAMETER,
                    "Param 'stopPrice' or 'trailingDelta' must be sent, but both were empty!");
        }
        if (request.trailingDelta().isPresent() && !rules.trailingStopAllowed()) {
            throw new OrderRejected(Reason.ORDER_TYPE_NOT_SUPPORTED, FILTER_FAILURE,
                    "Trailing stop orders are not supported for this symbol.");
        }
    }

    /** Whether {@code price} reaches a limit: a buy fills at or below its limit, a sell at or above. */
    static boolean limitCrossed(Side side, BigDecimal limit, BigDecimal price) {
        int c = price.compareTo(limit);
        return side == Side.BUY ? c <= 0 : c >= 0;
    }

    private static void parameter(String name, Optional<?> value, boolean required) {
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

    private static void priceBand(BigDecimal price, SymbolRules rules, BigDecimal average) {
        boolean admitted = rules.sellPriceBand().map(b -> b.admits(price, average)).orElse(true);
        if (!admitted) {
            throw new OrderRejected(Reason.PERCENT_PRICE, FILTER_FAILURE, "Filter failure: PERCENT_PRICE_BY_SIDE");
        }
    }

    private static void trailingDelta(int delta) {
        if (delta < VenueRules.MIN_TRAILING_DELTA || delta > VenueRules.MAX_TRAILING_DELTA) {
            throw new OrderRejected(Reason.OTHER, FILTER_FAILURE, "Filter failure: TRAILING_DELTA");
        }
    }

    private static boolean multipleOf(BigDecimal value, BigDecimal step) {
        return EightDecimals.fits(value) && value.remainder(step).signum() == 0;
    }
}
