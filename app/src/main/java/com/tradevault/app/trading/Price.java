package com.tradevault.app.trading;

import com.tradevault.app.exchange.SymbolRules;
import java.math.BigDecimal;

/** A positive price in the quote asset per unit of the base asset, exact to 8 decimals. */
public record Price(BigDecimal value) implements Comparable<Price> {

    public Price {
        value = FixedPoint.exact(value, "price");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive, not " + FixedPoint.plain(value));
        }
    }

    public static Price of(String text) {
        return new Price(new BigDecimal(text));
    }

    public static Price ofE8(long units) {
        return new Price(FixedPoint.fromE8(units));
    }

    /** A computed price (an average), rounded half-even to 8 decimals. */
    public static Price rounded(BigDecimal computed) {
        return new Price(FixedPoint.rounded(computed));
    }

    public long e8() {
        return FixedPoint.toE8(value);
    }

    /** This price rounded down to the symbol's tick size: what a sell stop may be placed at. */
    public Price floorToTick(SymbolRules rules) {
        return new Price(rules.floorPrice(value));
    }

    public boolean isAbove(Price other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Price other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return FixedPoint.plain(value);
    }
}
