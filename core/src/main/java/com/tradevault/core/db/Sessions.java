package com.tradevault.core.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How a connection to the database behaves: its write transactions, the failures that mean the
 * connection is gone, long reads and read-only connections. {@link Database} and the readers use it.
 * One of the roles a {@link Dialect} hands out ({@link Dialect#sessions()}).
 */
public interface Sessions {

    /**
     * The transaction control of a new writer connection of a {@link Database}:
     * {@code BEGIN IMMEDIATE} / {@code COMMIT} statements prepared once on
     * SQLite, JDBC's auto-commit switch on PostgreSQL.
     */
    WriteTransactions writeTransactions(Connection writer) throws SQLException;

    /**
     * Whether {@code failure} means the connection to the server is gone
     * (server restarting, network down, pool timed out waiting for one), so
     * the same work may succeed on a new connection; never true for a problem
     * with the work itself.
     */
    boolean connectionLost(SQLException failure);

    /**
     * Prepares {@code connection} for a long read that streams its rows
     * without holding up writers: a read-only transaction on PostgreSQL
     * (which streams only inside one); nothing on SQLite, whose statements
     * read a consistent snapshot in WAL mode and must not take the write
     * lock that {@code BEGIN IMMEDIATE} would.
     */
    void startReading(Connection connection) throws SQLException;

    /**
     * Makes {@code connection} refuse every write for as long as it is open:
     * {@code PRAGMA query_only} on SQLite, a read-only session on PostgreSQL.
     */
    void makeReadOnly(Connection connection) throws SQLException;
}
