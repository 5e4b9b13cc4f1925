package com.tradevault.core.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How the single writer connection of a {@link Database} starts and ends its
 * transactions; one per writer connection, made by
 * {@link Sessions#writeTransactions(Connection)}, and closed with it.
 */
public interface WriteTransactions extends AutoCloseable {

    /** The connection the work of a transaction runs on. */
    Connection connection();

    /** Starts a write transaction ({@code BEGIN IMMEDIATE} on SQLite). */
    void begin() throws SQLException;

    /** Commits the transaction {@link #begin()} started. */
    void commit() throws SQLException;

    /** Rolls the transaction {@link #begin()} started back. */
    void rollback() throws SQLException;

    /** Puts the connection back in its state between transactions, after a commit or a rollback. */
    void finish() throws SQLException;

    /** Closes the connection and everything prepared on it. */
    @Override
    void close() throws SQLException;
}
