package com.tradevault.setup.db;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Rows into a PostgreSQL table through {@code COPY … FROM STDIN} (text
 * format), one {@code COPY} per batch. Timestamps are written as UTC
 * instants with six fraction digits (and the era, so 1 BC survives).
 */
final class PostgresCopyWriter implements RowWriter {

    private final CopyManager copy;
    private final String sql;
    private final int batchSize;
    private final StringBuilder pending = new StringBuilder(1 << 20);
    private int rows;

    PostgresCopyWriter(Connection connection, LedgerTables.Table table, int batchSize) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.sql = "COPY " + table.name() + " (" + String.join(", ", table.columnNames()) + ") FROM STDIN";
        this.batchSize = batchSize;
    }

    @Override
    public void add(Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                pending.append('\t');
            }
            append(row[i]);
        }
        pending.append('\n');
        if (++rows >= batchSize) {
            flush();
        }
    }

    private void append(Object value) {
        if (value == null) {
            pending.append("\\N");
        } else if (value instanceof Instant instant) {
            appendInstant(instant);
        } else if (value instanceof String text) {
            appendEscaped(text);
        } else {
            pending.append(value);
        }
    }

    private void appendEscaped(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> pending.append("\\\\");
                case '\n' -> pending.append("\\n");
                case '\r' -> pending.append("\\r");
                case '\t' -> pending.append("\\t");
                default -> pending.append(c);
            }
        }
    }

    private void appendInstant(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int year = t.getYear();
        digits(year > 0 ? year : 1 - year, 4).append('-');
        digits(t.getMonthValue(), 2).append('-');
        digits(t.getDayOfMonth(), 2).append(' ');
        digits(t.getHour(), 2).append(':');
        digits(t.getMinute(), 2).append(':');
        digits(t.getSecond(), 2).append('.');
        digits(t.getNano() / 1000, 6).append("+00");
        if (year <= 0) {
            pending.append(" BC");
        }
    }

    private StringBuilder digits(int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            pending.append('0');
        }
        return pending.append(s);
    }

    private void flush() throws SQLException {
        if (rows == 0) {
            return;
        }
        byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
        pending.setLength(0);
        rows = 0;
        try {
            copy.copyIn(sql, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), "08006", e);
        }
    }

    @Override
    public void close() throws SQLException {
        flush();
    }
}
