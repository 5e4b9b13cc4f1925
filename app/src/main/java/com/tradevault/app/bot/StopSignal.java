package com.tradevault.app.bot;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A request to stop the run loop after its current step (SIGTERM, Ctrl-C, or a test). */
public final class StopSignal {

    private final CountDownLatch requested = new CountDownLatch(1);

    public void request() {
        requested.countDown();
    }

    public boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** Waits up to {@code d}; returns true as soon as a stop is requested. */
    public boolean awaitFor(Duration d) throws InterruptedException {
        return requested.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }
}
