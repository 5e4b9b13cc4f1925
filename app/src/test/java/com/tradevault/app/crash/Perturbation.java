package com.tradevault.app.crash;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** What the exchange does while the bot is down, as a venue might. */
enum Perturbation {
    /** Nothing: the bot comes back to the exchange as it left it. */
    NONE,
    /** Maintenance: every open order is cancelled. */
    CANCEL_ORDERS,
    /** The price falls 2 %: stops fill while no bot is connected. */
    PRICE_THROUGH_STOPS,
    /** Orders cancelled, then the price falls 2 %: the market is through the level the stop should have. */
    CANCEL_THEN_FALL,
    /** The price rises 1.5 % and orders are cancelled: the new stop trails from the high while down. */
    RISE_THEN_CANCEL;

    void apply(Rig rig) {
        switch (this) {
            case NONE -> { }
            case CANCEL_ORDERS -> rig.control.cancelOrders(Optional.of(Rig.SYMBOL));
            case PRICE_THROUGH_STOPS -> move(rig, "0.98");
            case CANCEL_THEN_FALL -> {
                rig.control.cancelOrders(Optional.of(Rig.SYMBOL));
                move(rig, "0.98");
            }
            case RISE_THEN_CANCEL -> {
                move(rig, "1.015");
                rig.control.cancelOrders(Optional.of(Rig.SYMBOL));
            }
        }
    }

    private static void move(Rig rig, String factor) {
        BigDecimal now = new BigDecimal(rig.control.dump().get("prices").get(Rig.SYMBOL).asText());
        rig.control.setPrice(Rig.SYMBOL, now.multiply(new BigDecimal(factor)).setScale(2, RoundingMode.HALF_EVEN)
                .toPlainString());
    }
}
