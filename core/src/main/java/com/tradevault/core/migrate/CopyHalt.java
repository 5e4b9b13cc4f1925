package com.tradevault.core.migrate;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the copy still writes: after the first offending row, in any slice
 * of any table, nothing more is, while every reader goes on to find and name
 * the other offending rows. Set from several reader threads at once.
 */
final class CopyHalt {

    private final AtomicBoolean halted = new AtomicBoolean();

    /** A row offended: write nothing more. */
    void halt() {
        halted.set(true);
    }

    boolean halted() {
        return halted.get();
    }
}
