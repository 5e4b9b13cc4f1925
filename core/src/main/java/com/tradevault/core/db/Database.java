package com.tradevault.core.db;

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
    private final ConnectionRetry retry;
    private WriteTransactions writer;

    /** A database over {@code dataSource}, as a backend opens it; {@code resources} close with it. */
    public Database(Dialect dialect, DataSource dataSource, boolean encrypted, AutoCloseable resources) {
        this(dialect, dataSource, encrypted, resources, ConnectionRetry.DEFAULT);
    }

    private Database(Dialect dialect, DataSource dataSource, boolean encrypted, AutoCloseable resources,
                     ConnectionRetry retry) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.encrypted = encrypted;
        this.resources = resources;
        this.retry = retry;
    }

    /**
     * This database with another retry policy for lost connections (the same
     * connections; close only one of the two).
     */
    Database withRetry(ConnectionRetry policy) {
        return new Database(dialect, dataSource, encrypted, resources, policy);
    }

    /**
     * This database with connections that refuse writes (the same
     * underlying connections; close only one of the two). Its
     * {@link #transaction} fails: a reader beside the bot never writes.
     */
    public Database readOnly() {
        return new Database(dialect, new ReadOnlyDataSource(dataSource, dialect.sessions()), encrypted, resources,
                retry);
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
     * returns, rolled back when it throws. When the connection is lost (the
     * server restarts, the network drops) the transaction is run again on a
     * new connection, with backoff, for up to the retry window; then
     * {@link DatabaseUnavailable}. So {@code work} must be safe to run again:
     * a commit lost in flight may have landed, and ledger writes are
     * idempotent (unique client order ids and exchange fill ids).
     */
    public <T> T transaction(SqlWork<T> work) throws SQLException {
        return retry.run(dialect.location(), dialect.sessions()::connectionLost, () -> transactionOnce(work));
    }

    /**
     * Runs read-only {@code work} on a pooled connection, retried like
     * {@link #transaction} when the connection is lost.
     */
    public <T> T read(SqlWork<T> work) throws SQLException {
        return retry.run(dialect.location(), dialect.sessions()::connectionLost, () -> {
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            }
        });
    }

    private <T> T transactionOnce(SqlWork<T> work) throws SQLException {
        writeLock.lock();
        try {
            WriteTransactions w = writer();
            w.begin();
            try {
                T result = work.run(w.connection());
                w.commit();
                return result;
            } catch (SQLException e) {
                rollbackAfter(w, e);
                closeWriterQuietly();
                throw e;
            } catch (RuntimeException e) {
                if (!rollbackAfter(w, e)) {
                    closeWriterQuietly();
                }
                throw e;
            } finally {
                finishQuietly();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** The writer connection; after a failed transaction it is replaced, so a lost connection heals. */
    private WriteTransactions writer() throws SQLException {
        if (writer == null || writer.connection().isClosed()) {
            closeWriterQuietly();
            writer = dialect.sessions().writeTransactions(dataSource.getConnection());
        }
        return writer;
    }

    /** Rolls back after {@code cause}; false (the failure added to the cause) when even that failed. */
    private static boolean rollbackAfter(WriteTransactions w, Exception cause) {
        try {
            w.rollback();
            return true;
        } catch (SQLException e) {
            cause.addSuppressed(e);
            return false;
        }
    }

    private void finishQuietly() {
        try {
            if (writer != null) {
                writer.finish();
            }
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
