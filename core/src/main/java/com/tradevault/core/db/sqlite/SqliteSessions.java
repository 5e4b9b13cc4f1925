package com.tradevault.core.db.sqlite;

import com.tradevault.core.db.Sessions;
import com.tradevault.core.db.WriteTransactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How a connection to a SQLite file behaves: {@code BEGIN IMMEDIATE} for every
 * write transaction, autocommit reads, {@code PRAGMA query_only} for a
 * read-only connection; with no server, a connection is never lost.
 */
final class SqliteSessions implements Sessions {

    @Override
    public WriteTransactions writeTransactions(Connection writer) throws SQLException {
        return new SqliteWriteTransactions(writer);
    }

    /** SQLite has no server: a failure is never a lost connection (a busy database waits in busy_timeout). */
    @Override
    public boolean connectionLost(SQLException failure) {
        return false;
    }

    @Override
    public void startReading(Connection connection) {
        // autocommit reads: each statement sees one snapshot, and no write lock is taken
    }

    @Override
    public void makeReadOnly(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA query_only = ON");
        }
    }
}
