package com.tradevault.app.ledger;

/**
 * What one batch of retention folding did.
 *
 * @param read    rows it looked at (all older than the horizon)
 * @param removed rows folded into the first row of their run and removed
 * @param done    whether it reached the horizon (or the newest row): no batch is left to do
 */
public record Folded(int read, int removed, boolean done) {
}
