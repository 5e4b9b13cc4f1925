package com.tradevault.app.trading;

import com.tradevault.app.exchange.SymbolRules;
import java.math.BigDecimal;

/** A non-negative amount of an asset (base quantity, or a fee), exact to 8 decimals. */
public record Quantity(BigDecimal value) implements Comparable<Quantity> {

    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO);

    public Quantity {
        value = FixedPoint.exact(value, "quantity");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("quantity must not be negative, not " + FixedPoint.plain(value));
        }
    }

    public static Quantity of(String text) {
        return new Quantity(new BigDecimal(text));
    }

    public static Quantity ofE8(long units) {
        return new Quantity(FixedPoint.fromE8(units));
    }

    public long e8() {
        return FixedPoint.toE8(value);
    }

    /** This quantity rounded down to the symbol's lot (step) size: what an order may carry. */
    public Quantity floorToLot(SymbolRules rules) {
        return new Quantity(rules.floorQuantity(value));
    }

    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.value));
    }

    /** This minus {@code other}, never below zero. */
    public Quantity minus(Quantity other) {
        return new Quantity(value.subtract(other.value).max(BigDecimal.ZERO));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    /** The quote amount of this quantity at {@code price}, exact (at most 16 decimals before rounding). */
    public BigDecimal times(Price price) {
        return value.multiply(price.value());
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return FixedPoint.plain(value);
    }
}
