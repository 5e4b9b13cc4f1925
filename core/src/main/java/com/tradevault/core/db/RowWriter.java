package com.tradevault.core.db;

import java.sql.SQLException;

/**
 * Writes many rows into one ledger table inside the caller's transaction, in
 * batches: {@code COPY} on PostgreSQL, batched {@code INSERT} on SQLite.
 */
public interface RowWriter extends AutoCloseable {

    /**
     * Adds one row, values in the table's column order: {@code Long} for
     * integers, {@code String} for text and JSON, {@code Instant} for
     * timestamps, {@code null} for NULL.
     */
    void add(Object[] row) throws SQLException;

    /** Writes whatever is still pending. */
    @Override
    void close() throws SQLException;
}
