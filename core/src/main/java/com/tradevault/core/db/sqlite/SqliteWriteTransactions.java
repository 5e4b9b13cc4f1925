package com.tradevault.core.db.sqlite;

import com.tradevault.core.db.WriteTransactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Write transactions on SQLite as statements on a connection that stays in
 * auto-commit mode: {@code BEGIN IMMEDIATE}, {@code COMMIT} and
 * {@code ROLLBACK}, each prepared once. sqlite-jdbc's auto-commit switch
 * would instead run {@code BEGIN IMMEDIATE} again right after every commit
 * and commit that empty transaction when switched back, compiling each
 * statement anew. The work's own statements are kept for reuse too
 * ({@link ReusingConnection}): compiling an insert into a table with
 * checks, keys and indexes costs about as much as running it.
 */
final class SqliteWriteTransactions implements WriteTransactions {

    private final Connection raw;
    private final Connection reusing;
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;

    SqliteWriteTransactions(Connection raw) throws SQLException {
        this.raw = raw;
        try {
            raw.setAutoCommit(true);
            this.begin = raw.prepareStatement("BEGIN IMMEDIATE");
            this.commit = raw.prepareStatement("COMMIT");
            this.rollback = raw.prepareStatement("ROLLBACK");
        } catch (SQLException e) {
            closeAfter(raw, e);
            throw e;
        }
        this.reusing = ReusingConnection.over(raw);
    }

    private static void closeAfter(Connection c, SQLException cause) {
        try {
            c.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public Connection connection() {
        return reusing;
    }

    @Override
    public void begin() throws SQLException {
        begin.execute();
    }

    @Override
    public void commit() throws SQLException {
        commit.execute();
    }

    @Override
    public void rollback() throws SQLException {
        rollback.execute();
    }

    @Override
    public void finish() {
        // the connection never left auto-commit mode
    }

    @Override
    public void close() throws SQLException {
        reusing.close();
    }
}
