package com.tradevault.core.db.postgres;

import com.tradevault.core.db.BulkCopy;
import com.tradevault.core.db.BulkLoad;
import com.tradevault.core.db.CatalogTable;
import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.db.RowSource;
import com.tradevault.core.db.RowWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A migration's bulk copy into and out of PostgreSQL: binary {@code COPY}
 * both ways ({@link PostgresCopyWriter}, {@link PostgresCopyReader}), keys,
 * indexes and foreign keys set aside during the load ({@link DeferredSchema}),
 * identity sequences moved past the copied ids.
 */
final class PostgresBulkCopy implements BulkCopy {

    @Override
    public List<CatalogTable> catalog(Connection connection) throws SQLException {
        return PostgresCatalog.read(connection);
    }

    @Override
    public RowWriter rowWriter(Connection connection, LedgerTables.Table table, int batchSize) throws SQLException {
        return new PostgresCopyWriter(connection, table, batchSize);
    }

    @Override
    public Optional<RowSource> bulkReader(Connection connection, LedgerTables.Table table, String where)
            throws SQLException {
        return Optional.of(PostgresCopyReader.open(connection, table, where));
    }

    @Override
    public BulkLoad startBulkLoad(Connection connection, List<LedgerTables.Table> tables) throws SQLException {
        return DeferredSchema.setAside(connection, tables);
    }

    @Override
    public void advanceIdentity(Connection connection, LedgerTables.Table table) throws SQLException {
        if (!table.identity()) {
            return;
        }
        String sql = "SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(max(" + table.key() + "), 1), max("
                + table.key() + ") IS NOT NULL) FROM " + table.name();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, table.name());
            s.setString(2, table.key());
            s.executeQuery().close();
        }
    }
}
