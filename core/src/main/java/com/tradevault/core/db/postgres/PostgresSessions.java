package com.tradevault.core.db.postgres;

import com.tradevault.core.db.Sessions;
import com.tradevault.core.db.WriteTransactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Set;

/**
 * How a connection to a PostgreSQL server behaves: JDBC's auto-commit switch
 * for write transactions, long reads inside a read-only transaction (which
 * alone streams), read-only sessions; and which failures mean the server or
 * the network went away.
 */
final class PostgresSessions implements Sessions {

    /** SQLSTATEs that mean the server went away: admin/crash shutdown, starting up. */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

    @Override
    public WriteTransactions writeTransactions(Connection writer) {
        return new JdbcWriteTransactions(writer);
    }

    @Override
    public boolean connectionLost(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException e && e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || SERVER_GONE.contains(e.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void startReading(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
    }

    @Override
    public void makeReadOnly(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        }
    }
}
