package com.tradevault.core.db;

import com.tradevault.core.db.BundledMigrations.Migration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flyway's history table read with one query, to tell whether a ledger is exactly at this bundle's
 * version: every bundled migration applied successfully with the same checksum, and nothing else.
 * Anything else (no table yet, a pending, failed, unknown or changed migration) is not decided here:
 * Flyway itself is asked, as before.
 */
final class SchemaHistory {

    private static final String ROWS = "SELECT version, script, checksum, success, type FROM flyway_schema_history";

    private SchemaHistory() {
    }

    /** Whether {@code database}'s history lists exactly {@code bundled}, all successful; false when unsure. */
    static boolean matchesExactly(Database database, List<Migration> bundled) {
        try (Connection c = database.dataSource().getConnection()) {
            return applied(c).map(rows -> rows.equals(new HashSet<>(bundled))).orElse(false);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The applied migrations, or empty if any row is not a successful versioned SQL migration. */
    private static Optional<Set<Migration>> applied(Connection c) throws SQLException {
        Set<Migration> rows = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(ROWS)) {
            while (r.next()) {
                String version = r.getString("version");
                int checksum = r.getInt("checksum");
                boolean plain = version != null && !r.wasNull() && r.getBoolean("success")
                        && "SQL".equals(r.getString("type")) && version.matches("\\d+");
                if (!plain || !rows.add(new Migration(Integer.parseInt(version), r.getString("script"), checksum))) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(rows);
    }
}
