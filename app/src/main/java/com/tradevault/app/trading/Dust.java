package com.tradevault.app.trading;

import java.time.Instant;

/**
 * What is left of a symbol's base asset after its positions closed, owned by
 * no position: the base-asset fee and the lot rounding of stops leave a
 * remainder below one lot step on every trade. The ledger keeps it per symbol
 * (table {@code dust}) so that every unit of the account is accounted for;
 * the symbol's next position takes it over and sells it with its stop or exit.
 *
 * @param symbol   the symbol whose trades left it
 * @param asset    its base asset
 * @param quantity how much, never negative
 */
public record Dust(String symbol, String asset, Quantity quantity, Instant updatedAt) {

    public Dust {
        if (quantity.value().signum() < 0) {
            throw new IllegalArgumentException("dust of " + symbol + " cannot be negative: " + quantity);
        }
    }

    /** No dust of {@code symbol}. */
    public static Dust none(String symbol, String asset, Instant at) {
        return new Dust(symbol, asset, Quantity.ZERO, at);
    }

    /** This dust with {@code more} added (what a closing position left). */
    public Dust adding(Quantity more, Instant at) {
        return new Dust(symbol, asset, quantity.plus(more), at);
    }

    /** This dust after a position took it over. */
    public Dust emptied(Instant at) {
        return new Dust(symbol, asset, Quantity.ZERO, at);
    }

    public boolean isZero() {
        return quantity.isZero();
    }
}
