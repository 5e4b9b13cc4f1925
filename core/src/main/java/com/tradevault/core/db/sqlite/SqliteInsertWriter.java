package com.tradevault.core.db.sqlite;

import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.db.RowWriter;
import com.tradevault.core.db.ValueBinding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collections;

/** Rows into a SQLite table through one prepared {@code INSERT}, executed in batches. */
final class SqliteInsertWriter implements RowWriter {

    private final ValueBinding values;
    private final PreparedStatement insert;
    private final int batchSize;
    private int rows;

    SqliteInsertWriter(ValueBinding values, Connection connection, LedgerTables.Table table, int batchSize)
            throws SQLException {
        this.values = values;
        this.insert = connection.prepareStatement("INSERT INTO " + table.name() + " ("
                + String.join(", ", table.columnNames()) + ") VALUES ("
                + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")");
        this.batchSize = batchSize;
    }

    @Override
    public void add(Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            bind(i + 1, row[i]);
        }
        insert.addBatch();
        if (++rows >= batchSize) {
            flush();
        }
    }

    private void bind(int index, Object value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            values.setInstant(insert, index, instant);
        } else if (value instanceof Long number) {
            insert.setLong(index, number);
        } else {
            insert.setString(index, value.toString());
        }
    }

    private void flush() throws SQLException {
        if (rows > 0) {
            insert.executeBatch();
            rows = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            insert.close();
        }
    }
}
