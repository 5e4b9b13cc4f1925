package com.tradevault.setup.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands out connections that the dialect has made read-only, so that a
 * reader beside the bot (the dashboard) cannot write even by mistake.
 */
record ReadOnlyDataSource(DataSource source, Dialect dialect) implements DataSource {

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = source.getConnection();
        try {
            dialect.makeReadOnly(c);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no driver log: it could carry connection settings
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the underlying source keeps its own
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
