package com.tradevault.setup.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * An open ledger database: a source of reading connections and one writer
 * connection through which every write transaction goes, one at a time.
 */
public final class Database implements AutoCloseable {

    private final Dialect dialect;
    private final DataSource dataSource;
    private final boolean encrypted;
    private final AutoCloseable resources;
    private final ReentrantLock writeLock = new ReentrantLock();
    private Connection writer;

    Database(Dialect dialect, DataSource dataSource, boolean encrypted, AutoCloseable resources) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.encrypted = encrypted;
        this.resources = resources;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Connections for reading, migrations and tools; each caller closes its own. */
    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    public boolean encrypted() {
        return encrypted;
    }

    /**
     * Runs {@code work} in one write transaction on the single writer
     * connection ({@code BEGIN IMMEDIATE} on SQLite): committed when it
     * returns, rolled back when it throws.
     */
    public <T> T transaction(SqlWork<T> work) throws SQLException {
        writeLock.lock();
        try {
            Connection c = writer();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException e) {
                rollbackAfter(c, e);
                closeWriterQuietly();
                throw e;
            } catch (RuntimeException e) {
                rollbackAfter(c, e);
                throw e;
            } finally {
                restoreAutoCommit(c);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** The writer connection; after a failed transaction it is replaced, so a lost connection heals. */
    private Connection writer() throws SQLException {
        if (writer == null || writer.isClosed()) {
            writer = dataSource.getConnection();
        }
        return writer;
    }

    private static void rollbackAfter(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // a broken connection is replaced at the next transaction
            closeWriterQuietly();
        }
    }

    private void closeWriterQuietly() {
        if (writer != null) {
            try {
                writer.close();
            } catch (SQLException ignored) {
                // already broken; nothing to save
            }
            writer = null;
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            closeWriterQuietly();
        } finally {
            writeLock.unlock();
        }
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing " + dialect.location() + " failed", e);
        }
    }
}
