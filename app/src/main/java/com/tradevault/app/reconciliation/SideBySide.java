package com.tradevault.app.reconciliation;

import com.tradevault.app.exchange.ExchangeException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs independent exchange lookups side by side on a few threads, and
 * rethrows the first failure as it was thrown (so that an unreachable
 * exchange is still an {@link ExchangeException} the caller retries).
 */
final class SideBySide implements AutoCloseable {

    private final ExecutorService threads;

    SideBySide(int parallelism) {
        this.threads = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "reconciliation-lookup");
            t.setDaemon(true);
            return t;
        });
    }

    <T> void each(Collection<T> items, Consumer<T> work) {
        List<Future<?>> running = new ArrayList<>(items.size());
        for (T item : items) {
            running.add(threads.submit(() -> work.accept(item)));
        }
        for (Future<?> f : running) {
            await(f);
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the exchange", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
