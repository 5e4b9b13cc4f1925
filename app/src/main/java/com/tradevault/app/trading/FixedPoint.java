package com.tradevault.app.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The ledger's exact number format: decimals with at most 8 fraction digits,
 * stored as whole units of 1e-8. Values with more digits are refused, never
 * rounded behind the caller's back.
 */
final class FixedPoint {

    static final int SCALE = 8;

    private FixedPoint() {
    }

    /** {@code value} at scale 8, or an exception naming {@code what} when it has more decimals or is too large. */
    static BigDecimal exact(BigDecimal value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        BigDecimal scaled;
        try {
            scaled = value.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " " + value.toPlainString()
                    + " has more than 8 decimals; the ledger keeps units of 0.00000001");
        }
        if (scaled.unscaledValue().bitLength() > 63) {
            throw new IllegalArgumentException(what + " " + value.toPlainString() + " is too large for the ledger");
        }
        return scaled;
    }

    /** An explicit, documented rounding of a computed value (averages, P&L) to 8 decimals, half-even. */
    static BigDecimal rounded(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    static long toE8(BigDecimal exactValue) {
        return exactValue.unscaledValue().longValueExact();
    }

    static BigDecimal fromE8(long units) {
        return BigDecimal.valueOf(units, SCALE);
    }

    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
