package com.tradevault.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What a migration between backends needs: each side's catalog, and rows read and written in bulk.
 * One of the roles a {@link Dialect} hands out ({@link Dialect#bulkCopy()}).
 */
public interface BulkCopy {

    /**
     * Every table of the database as its own catalog describes it, in the
     * order they were created (the order of the migrations): columns with their declared types and the {@link LedgerTables.Kind}
     * derived from them, keys, references. The backend's internal tables are
     * left out; views are not tables.
     */
    List<CatalogTable> catalog(Connection connection) throws SQLException;

    /**
     * A writer of many rows into {@code table} on {@code connection}, inside
     * the caller's transaction, {@code batchSize} rows at a time.
     */
    RowWriter rowWriter(Connection connection, LedgerTables.Table table, int batchSize) throws SQLException;

    /**
     * A reader of the rows of {@code table} that match {@code where} (SQL;
     * empty for all) on {@code connection}, through the backend's bulk path:
     * binary {@code COPY} on PostgreSQL, a {@code json_array} per row on
     * SQLite ({@code SqliteArrayReader}); empty for a backend without one.
     * A value it cannot take as it is stops it with {@link UnexpectedValue}.
     */
    Optional<RowSource> bulkReader(Connection connection, LedgerTables.Table table, String where) throws SQLException;

    /**
     * Starts a bulk load into the empty {@code tables} inside the caller's
     * transaction on {@code connection}: PostgreSQL sets keys, indexes and
     * foreign keys aside until {@link BulkLoad#finish()} builds them again;
     * SQLite has nothing to set aside.
     */
    BulkLoad startBulkLoad(Connection connection, List<LedgerTables.Table> tables) throws SQLException;

    /** Moves the table's id generator past its largest id, so that the next generated id is new. */
    void advanceIdentity(Connection connection, LedgerTables.Table table) throws SQLException;
}
