package com.tradevault.setup.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The secondary indexes and foreign keys of one PostgreSQL table, dropped
 * for a bulk load and created again afterwards from the definitions the
 * server printed for them (so exactly as the migrations made them). Primary
 * keys and unique constraints stay: uniqueness is checked row by row.
 */
final class DeferredSchema {

    private static final String INDEXES = "SELECT c.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x"
            + " JOIN pg_class c ON c.oid = x.indexrelid WHERE x.indrelid = CAST(? AS regclass)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid) ORDER BY c.relname";
    private static final String FOREIGN_KEYS = "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
            + " WHERE conrelid = CAST(? AS regclass) AND contype = 'f' ORDER BY conname";

    private final Connection connection;
    private final String table;
    private final List<String[]> indexes;
    private final List<String[]> foreignKeys;

    private DeferredSchema(Connection connection, String table, List<String[]> indexes, List<String[]> foreignKeys) {
        this.connection = connection;
        this.table = table;
        this.indexes = indexes;
        this.foreignKeys = foreignKeys;
    }

    /** Reads the definitions, then drops the indexes and foreign keys of {@code table}. */
    static DeferredSchema setAside(Connection connection, String table) throws SQLException {
        DeferredSchema deferred = new DeferredSchema(connection, table, definitions(connection, INDEXES, table),
                definitions(connection, FOREIGN_KEYS, table));
        try (Statement s = connection.createStatement()) {
            for (String[] fk : deferred.foreignKeys) {
                s.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + fk[0]);
            }
            for (String[] index : deferred.indexes) {
                s.execute("DROP INDEX " + index[0]);
            }
        }
        return deferred;
    }

    /** Builds the indexes and adds the foreign keys again; a reference that does not hold fails here. */
    void restore() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL maintenance_work_mem = '256MB'");
            for (String[] index : indexes) {
                s.execute(index[1]);
            }
            for (String[] fk : foreignKeys) {
                s.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + fk[0] + " " + fk[1]);
            }
        }
    }

    private static List<String[]> definitions(Connection connection, String sql, String table) throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        }
        return found;
    }
}
