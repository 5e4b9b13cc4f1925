package com.tradevault.core.db.postgres;

import com.tradevault.core.db.BulkLoad;
import com.tradevault.core.db.LedgerTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys, unique constraints, indexes and foreign keys of PostgreSQL
 * ledger tables, dropped for a bulk load and created again afterwards, as
 * bulk loaders do, from the definitions the server printed for them (so
 * exactly as the migrations made them), in the same transaction. CHECK and
 * NOT NULL constraints stay and are checked row by row.
 */
final class DeferredSchema implements BulkLoad {

    private static final String CONSTRAINTS = "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
            + " WHERE conrelid = CAST(? AS regclass) AND contype = ? ORDER BY conname";
    private static final String INDEXES = "SELECT c.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x"
            + " JOIN pg_class c ON c.oid = x.indexrelid WHERE x.indrelid = CAST(? AS regclass)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid) ORDER BY c.relname";

    /** One definition: the table, the object's name and how to create it again. */
    private record Definition(String table, String name, String sql) {
    }

    private final Connection connection;
    private final List<Definition> keys = new ArrayList<>();
    private final List<Definition> indexes = new ArrayList<>();
    private final List<Definition> foreignKeys = new ArrayList<>();

    private DeferredSchema(Connection connection) {
        this.connection = connection;
    }

    /** Reads the definitions of {@code tables}, then drops them: foreign keys first, then keys, then indexes. */
    static DeferredSchema setAside(Connection connection, List<LedgerTables.Table> tables) throws SQLException {
        DeferredSchema deferred = new DeferredSchema(connection);
        for (LedgerTables.Table table : tables) {
            deferred.foreignKeys.addAll(definitions(connection, CONSTRAINTS, table.name(), "f"));
            deferred.keys.addAll(definitions(connection, CONSTRAINTS, table.name(), "p"));
            deferred.keys.addAll(definitions(connection, CONSTRAINTS, table.name(), "u"));
            deferred.indexes.addAll(definitions(connection, INDEXES, table.name(), null));
        }
        try (Statement s = connection.createStatement()) {
            for (Definition d : deferred.foreignKeys) {
                s.execute("ALTER TABLE " + d.table() + " DROP CONSTRAINT " + d.name());
            }
            for (Definition d : deferred.keys) {
                s.execute("ALTER TABLE " + d.table() + " DROP CONSTRAINT " + d.name());
            }
            for (Definition d : deferred.indexes) {
                s.execute("DROP INDEX " + d.name());
            }
        }
        return deferred;
    }

    @Override
    public void finish() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL maintenance_work_mem = '256MB'");
            for (Definition d : keys) {
                s.execute("ALTER TABLE " + d.table() + " ADD CONSTRAINT " + d.name() + " " + d.sql());
            }
            for (Definition d : indexes) {
                s.execute(d.sql());
            }
            for (Definition d : foreignKeys) {
                s.execute("ALTER TABLE " + d.table() + " ADD CONSTRAINT " + d.name() + " " + d.sql());
            }
        }
    }

    private static List<Definition> definitions(Connection connection, String sql, String table, String type)
            throws SQLException {
        List<Definition> found = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, table);
            if (type != null) {
                s.setString(2, type);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new Definition(table, r.getString(1), r.getString(2)));
                }
            }
        }
        return found;
    }
}
