package com.tradevault.backup;

import com.tradevault.core.db.Snapshot;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A snapshot's check, run on its own thread while the snapshot is encrypted
 * and the result decrypted again, so that the two use separate cores. Closing
 * waits for the check to end, so the snapshot is never removed under it.
 */
final class BackgroundCheck implements AutoCloseable {

    private final FutureTask<Void> task;

    private BackgroundCheck(FutureTask<Void> task) {
        this.task = task;
    }

    static BackgroundCheck start(Snapshot.Check check) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            check.run();
            return null;
        });
        Thread thread = new Thread(task, "snapshot-check");
        thread.setDaemon(true);
        thread.start();
        return new BackgroundCheck(task);
    }

    /** Waits for the check; throws what it threw. */
    void await() throws IOException, SQLException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking the snapshot", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("checking the snapshot failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        boolean interrupted = false;
        while (!task.isDone()) {
            try {
                task.get();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
