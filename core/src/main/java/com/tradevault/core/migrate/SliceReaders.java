package com.tradevault.core.migrate;

import com.tradevault.core.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A few connections to one database, each in its own read transaction, and
 * a thread for each, so that the slices of a table are read at once.
 * Nothing writes the source meanwhile (the instance lock is held), so the
 * readers see the same data.
 */
final class SliceReaders implements AutoCloseable {

    /** Work on one slice, on the connection given to it. */
    @FunctionalInterface
    interface SliceWork<T> {
        T run(Connection connection, Slice slice) throws Exception;
    }

    private final List<Connection> connections;
    private final ExecutorService threads;

    private SliceReaders(List<Connection> connections) {
        this.connections = connections;
        this.threads = Executors.newFixedThreadPool(connections.size(), r -> {
            Thread t = new Thread(r, "tradevault-reader");
            t.setDaemon(true);
            return t;
        });
    }

    static SliceReaders open(Database database, int count) throws SQLException {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Connection c = database.connect();
                connections.add(c);
                database.dialect().sessions().startReading(c);
            }
        } catch (SQLException e) {
            connections.forEach(SliceReaders::closeQuietly);
            throw e;
        }
        return new SliceReaders(connections);
    }

    int size() {
        return connections.size();
    }

    Connection first() {
        return connections.get(0);
    }

    /** Runs {@code work} for each slice (at most {@link #size()}), each on its own connection and thread. */
    <T> List<Future<T>> submit(List<Slice> slices, SliceWork<T> work) {
        List<Future<T>> running = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            Connection c = connections.get(i);
            Slice slice = slices.get(i);
            running.add(threads.submit(() -> work.run(c, slice)));
        }
        return running;
    }

    /** The result of a task, with its SQLException (or other failure) thrown here. */
    static <T> T await(Future<T> task) throws SQLException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SQLException(e.getCause());
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        connections.forEach(SliceReaders::closeQuietly);
    }

    private static void closeQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            c.close();
        } catch (SQLException ignored) {
            // a read-only transaction: nothing to lose
        }
    }
}
