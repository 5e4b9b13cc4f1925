package com.tradevault.core.db.sqlite;

import com.tradevault.core.db.BulkCopy;
import com.tradevault.core.db.BulkLoad;
import com.tradevault.core.db.CatalogTable;
import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.db.RowSource;
import com.tradevault.core.db.RowWriter;
import com.tradevault.core.db.ValueBinding;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A migration's bulk copy into and out of a SQLite file: batched
 * {@code INSERT}s ({@link SqliteInsertWriter}), a {@code json_array} per row
 * read ({@link SqliteArrayReader}); no keys to set aside, no ids to move.
 */
final class SqliteBulkCopy implements BulkCopy {

    private final ValueBinding values;

    SqliteBulkCopy(ValueBinding values) {
        this.values = values;
    }

    @Override
    public List<CatalogTable> catalog(Connection connection) throws SQLException {
        return SqliteCatalog.read(connection);
    }

    @Override
    public RowWriter rowWriter(Connection connection, LedgerTables.Table table, int batchSize) throws SQLException {
        return new SqliteInsertWriter(values, connection, table, batchSize);
    }

    @Override
    public Optional<RowSource> bulkReader(Connection connection, LedgerTables.Table table, String where)
            throws SQLException {
        return Optional.of(SqliteArrayReader.open(connection, table, where));
    }

    /** Nothing to set aside: SQLite's index upkeep is cheap next to its single writer. */
    @Override
    public BulkLoad startBulkLoad(Connection connection, List<LedgerTables.Table> tables) {
        return () -> { };
    }

    /** An {@code INTEGER PRIMARY KEY} always continues after the largest rowid: nothing to move. */
    @Override
    public void advanceIdentity(Connection connection, LedgerTables.Table table) {
        // SQLite picks max(rowid) + 1 by itself
    }
}
