package com.tradevault.core.db.sqlite;

import com.tradevault.core.db.BackendCheck;
import com.tradevault.core.db.OwnChecks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's own checks of a file: {@code integrity_check} or {@code quick_check},
 * {@code foreign_key_check} with the offending value named, and a read of
 * every page (which makes an encrypted file authenticate each one).
 */
final class SqliteChecks implements OwnChecks {

    @Override
    public BackendCheck<List<String>> storageProblems(Connection connection, boolean quick) throws SQLException {
        return BackendCheck.found(SqliteFiles.integrityProblems(connection, quick));
    }

    @Override
    public List<String> quickCheck(Connection connection, List<String> tables) throws SQLException {
        return SqliteFiles.quickCheck(connection, tables);
    }

    @Override
    public BackendCheck<List<String>> foreignKeyProblems(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA foreign_key_check")) {
            while (r.next()) {
                problems.add(r.getString(1) + " row " + r.getLong(2) + " refers to a missing row in " + r.getString(3));
            }
        }
        return BackendCheck.found(problems);
    }

    @Override
    public BackendCheck<Long> readEveryPage(Connection connection) throws SQLException {
        // dbstat visits every b-tree and overflow page, so the codec authenticates each one as it is read
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM dbstat")) {
            r.next();
            return BackendCheck.found(r.getLong(1));
        }
    }

    /** {@code PRAGMA integrity_check} (or {@code quick_check}) and {@code foreign_key_check}, a line per finding. */
    @Override
    public List<String> integrityProblems(Connection connection, boolean thorough) throws SQLException {
        List<String> problems = new ArrayList<>();
        SqliteFiles.integrityProblems(connection, !thorough).forEach(p -> problems.add("integrity check: " + p));
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA foreign_key_check")) {
            while (r.next()) {
                problems.add(orphan(connection, r.getString(1), r.getLong(2), r.getString(3), r.getInt(4)));
            }
        }
        return problems;
    }

    private static String orphan(Connection c, String table, long rowid, String parent, int fkid) throws SQLException {
        String column = "?";
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA foreign_key_list(" + table + ")")) {
            while (r.next()) {
                if (r.getInt("id") == fkid) {
                    column = r.getString("from");
                }
            }
        }
        String value = "?";
        try (PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE rowid = ?")) {
            s.setLong(1, rowid);
            try (ResultSet r = s.executeQuery()) {
                value = r.next() ? r.getString(1) : "?";
            }
        }
        return table + " row " + rowid + ": " + column + " = " + value + " refers to a missing " + parent + " row";
    }
}
