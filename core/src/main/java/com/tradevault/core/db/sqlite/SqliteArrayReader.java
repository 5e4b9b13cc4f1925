package com.tradevault.core.db.sqlite;

import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.db.RowSource;
import com.tradevault.core.db.UnexpectedValue;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;

/**
 * Rows of a SQLite table read as one {@code json_array(…)} per row, so that
 * the driver crosses into native code once per row rather than twice per
 * column ({@code getObject} asks for the type, then the value): about half
 * the CPU of reading every row of the 1M-row benchmark ledger
 * ({@code bench/postgres/ReadEveryRow.java}, docs/benchmarks.md). SQLite
 * writes integers as their decimal digits, text as a JSON string and NULL as
 * {@code null}, so each value's storage class is still seen: a value not of
 * its column's kind (a REAL, a BLOB, text in an integer column, an integer in
 * a text column, a timestamp that does not parse) stops the read with
 * {@link UnexpectedValue}, and the caller reads the rows through a
 * {@code ResultSet} to say what is wrong. Values come as {@link RowSource}
 * has them; JSON as the text stored.
 */
final class SqliteArrayReader implements RowSource {

    private final Statement statement;
    private final ResultSet rows;
    private final LedgerTables.Table table;
    private final LedgerTables.Column[] columns;
    private byte[] array;
    private int at;

    private SqliteArrayReader(Statement statement, ResultSet rows, LedgerTables.Table table) {
        this.statement = statement;
        this.rows = rows;
        this.table = table;
        this.columns = table.columns().toArray(LedgerTables.Column[]::new);
    }

    static SqliteArrayReader open(Connection connection, LedgerTables.Table table, String where) throws SQLException {
        Statement statement = connection.createStatement();
        try {
            // the driver steps to the first row here already
            return new SqliteArrayReader(statement, statement.executeQuery("SELECT json_array("
                    + String.join(", ", table.columnNames()) + ") FROM " + table.name()
                    + (where.isEmpty() ? "" : " WHERE " + where)), table);
        } catch (SQLException e) {
            statement.close();
            throw blobOr(e, table);
        }
    }

    /** SQLite's json_array refuses a BLOB: that is a value of the wrong kind, not a failure of the read. */
    private static SQLException blobOr(SQLException e, LedgerTables.Table table) {
        return e.getMessage() != null && e.getMessage().contains("JSON cannot hold BLOB values")
                ? new UnexpectedValue(table.name() + " has a BLOB value", e) : e;
    }

    @Override
    public Object[] next() throws SQLException {
        if (!step()) {
            return null;
        }
        array = rows.getBytes(1);
        at = 1;
        Object[] row = new Object[columns.length];
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                expect(',');
            }
            row[i] = value(columns[i]);
        }
        expect(']');
        return row;
    }

    private boolean step() throws SQLException {
        try {
            return rows.next();
        } catch (SQLException e) {
            throw blobOr(e, table);
        }
    }

    private Object value(LedgerTables.Column column) throws UnexpectedValue {
        byte first = array[at];
        if (first == 'n') {
            at += 4;
            return null;
        }
        if (first != '"') {
            if (column.kind() != LedgerTables.Kind.INTEGER) {
                throw unexpected(column, "a number");
            }
            return integer(column);
        }
        String text = string();
        switch (column.kind()) {
            case TEXT, JSON -> {
                return text;
            }
            case INSTANT -> {
                try {
                    return SqliteValues.parseInstant(text);
                } catch (DateTimeException e) {
                    throw unexpected(column, "text that is not a timestamp");
                }
            }
            default -> throw unexpected(column, "text");
        }
    }

    /** Decimal digits, as SQLite writes an INTEGER; a REAL has a point or an exponent, which stops the read. */
    private Long integer(LedgerTables.Column column) throws UnexpectedValue {
        boolean negative = array[at] == '-';
        int start = negative ? ++at : at;
        long value = 0;
        try {
            while (array[at] >= '0' && array[at] <= '9') {
                // accumulated below zero, so that Long.MIN_VALUE fits
                value = Math.subtractExact(Math.multiplyExact(value, 10), array[at++] - '0');
            }
        } catch (ArithmeticException e) {
            throw unexpected(column, "a number beyond 64 bits");
        }
        if (at == start || array[at] != ',' && array[at] != ']' || !negative && value == Long.MIN_VALUE) {
            throw unexpected(column, "a number that is not a 64-bit integer");
        }
        return negative ? value : -value;
    }

    /**
     * A JSON string as SQLite writes one: UTF-8 as stored, with {@code \"},
     * {@code \\} and control characters escaped. Unescaped byte for byte,
     * since every escape SQLite writes stands for one ASCII byte.
     */
    private String string() throws UnexpectedValue {
        int start = ++at;
        boolean escaped = false;
        while (array[at] != '"') {
            if (array[at] == '\\') {
                escaped = true;
                at++;
            }
            at++;
        }
        int end = at++;
        if (!escaped) {
            return new String(array, start, end - start, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[end - start];
        int length = 0;
        for (int i = start; i < end; i++) {
            byte c = array[i];
            if (c != '\\') {
                out[length++] = c;
                continue;
            }
            byte e = array[++i];
            out[length++] = switch (e) {
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'u' -> {
                    int code = Integer.parseInt(new String(array, i + 1, 4, StandardCharsets.US_ASCII), 16);
                    if (code > 0x7f) {
                        throw new UnexpectedValue("json_array of " + table.name() + " escapes a non-ASCII character");
                    }
                    i += 4;
                    yield (byte) code;
                }
                default -> e;
            };
        }
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }

    private void expect(char c) throws UnexpectedValue {
        if (at >= array.length || array[at] != c) {
            throw new UnexpectedValue("json_array of " + table.name() + " has no '" + c + "' at " + at);
        }
        at++;
    }

    private UnexpectedValue unexpected(LedgerTables.Column column, String found) {
        return new UnexpectedValue(table.name() + "." + column.name() + " holds " + found);
    }

    @Override
    public void close() throws SQLException {
        try {
            rows.close();
        } finally {
            statement.close();
        }
    }
}
