package com.tradevault.core.migrate;

import com.tradevault.core.db.ValueBinding;
import com.tradevault.core.db.LedgerTables;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the rows of one ledger table from either backend into plain values:
 * {@code Long}, {@code String}, {@code Instant} (through the dialect), JSON
 * as its canonical text (parsed once, see {@link CanonicalJson}). A value of
 * the wrong type, or JSON the other backend would reject, is reported as an
 * {@link Offense} and read as {@link #INVALID}, so one pass sees every bad
 * value.
 */
final class RowReader {

    /** Stands for a value that was reported as an offense. */
    static final Object INVALID = new Object() {
        @Override
        public String toString() {
            return "(invalid)";
        }
    };

    private final ValueBinding values;
    private final LedgerTables.Table table;
    private final List<LedgerTables.Column> columns;

    RowReader(ValueBinding values, LedgerTables.Table table) {
        this.values = values;
        this.table = table;
        this.columns = table.columns();
    }

    /** {@code SELECT} of every column in the table's column order. */
    String select() {
        return "SELECT " + String.join(", ", table.columnNames()) + " FROM " + table.name();
    }

    /** The current row's values, reporting values of the wrong type to {@code offenses}. */
    Object[] read(ResultSet rows, Consumer<Offense> offenses) throws SQLException {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(rows, i, offenses);
        }
        return values;
    }

    private Object value(ResultSet rows, int i, Consumer<Offense> offenses) throws SQLException {
        LedgerTables.Column column = columns.get(i);
        if (column.kind() == LedgerTables.Kind.JSON) {
            return json(rows, column, rows.getString(i + 1), offenses);
        }
        if (column.kind() == LedgerTables.Kind.INSTANT) {
            return instant(rows, column, i, offenses);
        }
        Object raw = rows.getObject(i + 1);
        if (raw == null) {
            return null;
        }
        return switch (column.kind()) {
            case INTEGER -> raw instanceof Long || raw instanceof Integer ? (Object) ((Number) raw).longValue()
                    : wrongType(rows, column, raw, "not an integer", offenses);
            case TEXT -> raw instanceof String ? raw : wrongType(rows, column, raw, "not text", offenses);
            default -> raw;
        };
    }

    private Object instant(ResultSet rows, LedgerTables.Column column, int i, Consumer<Offense> offenses)
            throws SQLException {
        try {
            return values.getInstant(rows, column.name());
        } catch (DateTimeException e) {
            return wrongType(rows, column, rows.getObject(i + 1), "not a UTC timestamp like 2026-01-31T23:59:59.123456Z",
                    offenses);
        }
    }

    private Object json(ResultSet rows, LedgerTables.Column column, String text, Consumer<Offense> offenses)
            throws SQLException {
        if (text == null) {
            return null;
        }
        CanonicalJson.Checked checked = CanonicalJson.check(text);
        if (checked.problem().isPresent()) {
            offenses.accept(new Offense(table.name(), key(rows), column.name(),
                    Offense.shown(text) + " " + checked.problem().get()));
            return INVALID;
        }
        return checked.canonical();
    }

    private Object wrongType(ResultSet rows, LedgerTables.Column column, Object raw, String problem,
                             Consumer<Offense> offenses) throws SQLException {
        offenses.accept(new Offense(table.name(), key(rows), column.name(), Offense.shown(raw) + " is " + problem
                + " (stored as " + storedAs(raw) + ")"));
        return INVALID;
    }

    private static String storedAs(Object raw) {
        if (raw instanceof Double || raw instanceof Float) {
            return "REAL";
        }
        if (raw instanceof byte[]) {
            return "BLOB";
        }
        return raw instanceof Number ? "INTEGER" : raw instanceof String ? "TEXT" : raw.getClass().getSimpleName();
    }

    /** The current row's key for messages: {@code id 17} or {@code key 'x'}. */
    String key(ResultSet rows) throws SQLException {
        return table.key() + " " + (table.key().equals("id") ? rows.getString(table.key())
                : Offense.shown(rows.getString(table.key())));
    }
}
