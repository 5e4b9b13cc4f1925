package com.tradevault.core.db.postgres;

import com.tradevault.core.db.WriteTransactions;
import java.sql.Connection;
import java.sql.SQLException;

/** Write transactions through JDBC's auto-commit switch, for drivers that handle it cheaply (PostgreSQL). */
record JdbcWriteTransactions(Connection connection) implements WriteTransactions {

    @Override
    public void begin() throws SQLException {
        connection.setAutoCommit(false);
    }

    @Override
    public void commit() throws SQLException {
        connection.commit();
    }

    @Override
    public void rollback() throws SQLException {
        connection.rollback();
    }

    @Override
    public void finish() throws SQLException {
        connection.setAutoCommit(true);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
