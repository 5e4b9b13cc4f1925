package com.tradevault.app.ledger;

/** The ledger could not be read or written (a database fault, not a business answer). */
public final class LedgerFailure extends RuntimeException {

    public LedgerFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
