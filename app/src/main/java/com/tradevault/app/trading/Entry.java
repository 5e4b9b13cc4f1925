package com.tradevault.app.trading;

/**
 * An accepted entry: the quantity to buy, rounded down to the lot size.
 *
 * @param notional quantity × price, the quote amount it should cost
 */
public record Entry(Quantity quantity, Money notional) implements EntryCheck {
}
