package com.tradevault.core.migrate;

import com.tradevault.core.Progress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the rows a step has read, on however many threads, and advances its
 * progress by a thousand each time a thousand more are in.
 */
final class RowTally {

    private static final int REPORTED_EVERY = 1000;

    private final Progress progress;
    private final AtomicLong rows = new AtomicLong();

    RowTally(Progress progress) {
        this.progress = progress;
    }

    /** One more row read. */
    void one() {
        if (rows.incrementAndGet() % REPORTED_EVERY == 0) {
            progress.advance(REPORTED_EVERY);
        }
    }
}
