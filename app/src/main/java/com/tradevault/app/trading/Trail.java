package com.tradevault.app.trading;

import com.tradevault.app.exchange.SymbolRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * How far below the highest price seen a trailing stop sits: a percentage of
 * that price, or an absolute distance in the quote asset.
 */
public record Trail(Kind kind, BigDecimal amount) {

    /** The two ways to express the distance; stored as {@code trail_kind}. */
    public enum Kind { PERCENT, ABSOLUTE }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Trail {
        amount = FixedPoint.exact(amount, "trail");
        if (amount.signum() <= 0 || (kind == Kind.PERCENT && amount.compareTo(HUNDRED) >= 0)) {
            throw new IllegalArgumentException("trail must be above 0" + (kind == Kind.PERCENT ? " and below 100%" : "")
                    + ", not " + FixedPoint.plain(amount));
        }
    }

    public static Trail percent(String amount) {
        return new Trail(Kind.PERCENT, new BigDecimal(amount));
    }

    public static Trail absolute(String amount) {
        return new Trail(Kind.ABSOLUTE, new BigDecimal(amount));
    }

    /**
     * The trail in basis points (Binance {@code trailingDelta}: 1 bip = 0.01 %), for a percent trail that is
     * a whole number of them; empty for an absolute trail or one such as 1.555 %.
     */
    public Optional<Integer> bips() {
        if (kind != Kind.PERCENT) {
            return Optional.empty();
        }
        BigDecimal bips = amount.multiply(HUNDRED).stripTrailingZeros();
        return bips.scale() <= 0 ? Optional.of(bips.intValueExact()) : Optional.empty();
    }

    public long e8() {
        return FixedPoint.toE8(amount);
    }

    /**
     * The stop level for a highest price, rounded down to the tick size so the
     * venue accepts it; empty when the trail is wider than the price itself.
     */
    public Optional<Price> levelBelow(Price highest, SymbolRules rules) {
        BigDecimal raw = kind == Kind.PERCENT
                ? highest.value().multiply(HUNDRED.subtract(amount)).divide(HUNDRED, 16, RoundingMode.FLOOR)
                : highest.value().subtract(amount);
        BigDecimal level = rules.floorPrice(raw);
        return level.signum() > 0 ? Optional.of(new Price(level)) : Optional.empty();
    }

    @Override
    public String toString() {
        return FixedPoint.plain(amount) + (kind == Kind.PERCENT ? "%" : " absolute");
    }
}
