package com.tradevault.app.exchange.paper;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Makes the engine's writes durable in groups. A write waits in a queue;
 * whichever writer holds the engine's lock next runs every queued write, one
 * after the other, in one store transaction, each inside its own savepoint (a
 * write that fails is undone alone and its failure goes to its own caller),
 * and commits once. Each caller gets its answer only after that commit, so
 * every answered write is durable, as with one transaction per write; but
 * writers that arrive while a commit is being synced to disk share the next
 * sync instead of queueing for one each.
 */
final class GroupCommit {

    private final PaperStore store;
    private final Matching matching;
    private final Object engineLock;
    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

    /** @param engineLock the lock every reader and writer of {@code store} holds */
    GroupCommit(PaperStore store, Matching matching, Object engineLock) {
        this.store = store;
        this.matching = matching;
        this.engineLock = engineLock;
    }

    /**
     * A committed write's result and the fills it made.
     *
     * @param result what the write returned
     * @param fills  the fills it made, durable with it
     */
    record Committed<T>(T result, List<Matching.Fill> fills) {
    }

    /** Runs {@code work} in the next group transaction and returns once that is committed. */
    <T> Committed<T> write(PaperStore.Work<T> work) throws SQLException {
        Pending<T> mine = new Pending<>(work);
        queue.add(mine);
        synchronized (engineLock) {
            if (!mine.done) {
                commitQueued();
            }
            return mine.outcome();
        }
    }

    /** Runs every queued write in one transaction; called with the engine's lock held. */
    private void commitQueued() {
        List<Pending<?>> group = new ArrayList<>();
        for (Pending<?> p = queue.poll(); p != null; p = queue.poll()) {
            group.add(p);
        }
        matching.drainFills();
        try {
            store.transaction(() -> {
                for (Pending<?> p : group) {
                    runAlone(p);
                }
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            group.forEach(p -> p.notCommitted(e));
        }
        group.forEach(p -> p.done = true);
    }

    private void runAlone(Pending<?> p) throws SQLException {
        store.savepoint();
        try {
            p.run();
            store.releaseSavepoint();
            p.fills = matching.drainFills();
        } catch (SQLException | RuntimeException e) {
            store.rollbackToSavepoint();
            matching.drainFills();
            p.failure = e;
        }
    }

    /** One queued write; its fields are written and read with the engine's lock held. */
    private static final class Pending<T> {
        private final PaperStore.Work<T> work;
        private boolean done;
        private T result;
        private List<Matching.Fill> fills = List.of();
        private Exception failure;

        Pending(PaperStore.Work<T> work) {
            this.work = work;
        }

        void run() throws SQLException {
            result = work.run();
        }

        /** The group's transaction failed: nothing of this write is durable, whatever it returned. */
        void notCommitted(Exception e) {
            if (failure == null) {
                failure = e;
                fills = List.of();
            }
        }

        Committed<T> outcome() throws SQLException {
            if (failure instanceof SQLException e) {
                throw e;
            } else if (failure instanceof RuntimeException e) {
                throw e;
            }
            return new Committed<>(result, fills);
        }
    }
}
