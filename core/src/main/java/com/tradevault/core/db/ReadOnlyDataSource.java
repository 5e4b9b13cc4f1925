package com.tradevault.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Hands out connections that the dialect has made read-only, so that a
 * reader beside the bot (the dashboard) cannot write even by mistake.
 */
record ReadOnlyDataSource(DataSource source, Sessions sessions) implements PlainDataSource {

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = source.getConnection();
        try {
            sessions.makeReadOnly(c);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }
}
