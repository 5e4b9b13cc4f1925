package com.tradevault.core.migrate;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;

/**
 * The source's own checks (what the preflight checks across rows), run once
 * on a thread of their own: started while the target builds its indexes, or
 * when a failed copy needs them to explain itself.
 */
final class SourceChecks implements AutoCloseable {

    private final FutureTask<List<Offense>> checks;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private boolean started;

    SourceChecks(Callable<List<Offense>> checks) {
        this.checks = new FutureTask<>(checks);
    }

    /** Starts the checks, unless they are running or done already. */
    void start() {
        if (!started) {
            thread.execute(checks);
            started = true;
        }
    }

    /** What the checks found, once they are done; started here if they were not yet. */
    List<Offense> found() throws SQLException {
        start();
        return SliceReaders.await(checks);
    }

    /** Stops checks still running: no one waits for them any more. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
