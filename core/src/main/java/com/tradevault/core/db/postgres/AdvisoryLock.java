package com.tradevault.core.db.postgres;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.DatabaseLocked;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.InstanceLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The single-writer lock of a PostgreSQL ledger: a session-level advisory
 * lock on one key, held by a connection taken from the pool for as long as
 * the instance writes; a second instance is told who holds it.
 */
final class AdvisoryLock {

    /** The advisory lock key that marks the one writing instance. */
    private static final long LOCK_KEY = 0x7472616465L;

    private AdvisoryLock() {
    }

    /** Takes the lock on {@code database} (printed as {@code location}), or fails with {@link DatabaseLocked}. */
    static InstanceLock take(Database database, String location) {
        try {
            Connection c = database.connect();
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, LOCK_KEY);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (!r.getBoolean(1)) {
                        String holder = holder(c);
                        c.close();
                        throw new DatabaseLocked("ledger " + location + " is in use by " + holder,
                                "stop it first (e.g. 'systemctl stop tradevault'), or wait for it to finish");
                    }
                }
            }
            return () -> unlockAndClose(c);
        } catch (SQLException e) {
            throw DatabaseProblem.failed("taking the instance lock", location, e);
        }
    }

    /**
     * Unlocks explicitly: closing alone returns the connection to the pool (the session, and so
     * the lock, live on), and even a closed session lets go of its locks only when its server
     * process has exited, after the next instance may already have asked.
     */
    private static void unlockAndClose(Connection c) {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, LOCK_KEY);
            s.execute();
        } catch (SQLException ignored) {
            // a lost session has released the lock already
        }
        closeQuietly(c);
    }

    private static String holder(Connection c) throws SQLException {
        String sql = "SELECT a.application_name, a.client_addr FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND ((l.classid::bigint << 32) | l.objid::bigint) = ?"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, LOCK_KEY);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? "another tradevault process (" + r.getString(1) + ", from "
                        + Optional.ofNullable(r.getString(2)).orElse("local socket") + ")" : "another process";
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the server drops the advisory lock with the session anyway
        }
    }
}
