package com.tradevault.app.exchange.paper;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as fixed-point integers in units of 1e-8, as the state file stores them (like the ledger). */
final class EightDecimals {

    static final int SCALE = 8;

    private EightDecimals() {
    }

    static long of(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    static BigDecimal value(long e8) {
        return plain(BigDecimal.valueOf(e8, SCALE));
    }

    /** The shortest exact form without exponent: 90, 0.5, 1059.94. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Whether a value has no more than eight decimals (anything finer cannot be stored). */
    static boolean fits(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= SCALE;
    }

    static BigDecimal down(BigDecimal value) {
        return plain(value.setScale(SCALE, RoundingMode.DOWN));
    }

    static BigDecimal up(BigDecimal value) {
        return plain(value.setScale(SCALE, RoundingMode.UP));
    }
}
