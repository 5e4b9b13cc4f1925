package com.tradevault.app.exchange.paper;

import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * When Binance's contingent orders (STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT,
 * TAKE_PROFIT_LIMIT) trigger: a stop-loss sells at or below its stop price and
 * buys at or above it, a take-profit the other way round. A trailing order
 * (trailing-stop FAQ) tracks the highest price since it started (sell) or the
 * lowest (buy), and triggers once the price has moved {@code trailingDelta}
 * basis points back from it.
 */
final class Contingent {

    private static final BigDecimal BIPS = new BigDecimal("10000");

    private Contingent() {
    }

    static boolean is(OrderType type) {
        return type == OrderType.STOP_LOSS || type == OrderType.STOP_LOSS_LIMIT || type == OrderType.TAKE_PROFIT
                || type == OrderType.TAKE_PROFIT_LIMIT;
    }

    /** Whether {@code price} meets the stop price condition of an order of this type and side. */
    static boolean reached(OrderType type, Side side, BigDecimal stopPrice, BigDecimal price) {
        int c = price.compareTo(stopPrice);
        boolean stopLoss = type == OrderType.STOP_LOSS || type == OrderType.STOP_LOSS_LIMIT;
        boolean below = stopLoss == (side == Side.SELL);
        return below ? c <= 0 : c >= 0;
    }

    /** The new extreme a trailing order tracks from after {@code price}: the higher for a sell, the lower for a buy. */
    static BigDecimal extreme(Side side, BigDecimal extreme, BigDecimal price) {
        return side == Side.SELL ? extreme.max(price) : extreme.min(price);
    }

    /** Whether {@code price} has moved {@code delta} basis points back from {@code extreme}. */
    static boolean trailed(Side side, int delta, BigDecimal extreme, BigDecimal price) {
        BigDecimal move = extreme.multiply(BigDecimal.valueOf(delta)).divide(BIPS, 16, RoundingMode.HALF_EVEN);
        return side == Side.SELL ? price.compareTo(extreme.subtract(move)) <= 0
                : price.compareTo(extreme.add(move)) >= 0;
    }
}
