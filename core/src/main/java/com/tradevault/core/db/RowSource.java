package com.tradevault.core.db;

import java.sql.SQLException;

/**
 * Rows of one ledger table read through a backend's bulk path, one at a
 * time, values in the table's column order as a {@link RowWriter} takes
 * them: {@code Long}, {@code String}, {@code Instant}, JSON as the backend
 * prints it, {@code null} for NULL.
 */
public interface RowSource extends AutoCloseable {

    /** The next row, or {@code null} after the last one. */
    Object[] next() throws SQLException;

    /** Stops reading; rows not read yet are dropped. */
    @Override
    void close() throws SQLException;
}
