package com.tradevault.app.trading;

import java.math.BigDecimal;

/** An amount of the quote asset that may be negative (P&L), exact to 8 decimals. */
public record Money(BigDecimal value) implements Comparable<Money> {

    /**
     * The most any amount or price setting may be (one billion): far beyond
     * any trade, far within the ledger's fixed point (about 9.2e10 at 8 decimals).
     */
    public static final BigDecimal LARGEST_SETTING = new BigDecimal("1000000000");


    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        value = FixedPoint.exact(value, "amount");
    }

    public static Money of(String text) {
        return new Money(new BigDecimal(text));
    }

    public static Money ofE8(long units) {
        return new Money(FixedPoint.fromE8(units));
    }

    /** A computed amount (P&L of a fill), rounded half-even to 8 decimals. */
    public static Money rounded(BigDecimal computed) {
        return new Money(FixedPoint.rounded(computed));
    }

    public long e8() {
        return FixedPoint.toE8(value);
    }

    public Money plus(Money other) {
        return new Money(value.add(other.value));
    }

    public int signum() {
        return value.signum();
    }

    @Override
    public int compareTo(Money other) {
        return value.compareTo(other.value);
    }

    /** With an explicit sign, as P&L is shown: {@code +1.5}, {@code -0.25}, {@code 0}. */
    public String signed() {
        return (value.signum() > 0 ? "+" : "") + FixedPoint.plain(value);
    }

    @Override
    public String toString() {
        return FixedPoint.plain(value);
    }
}
