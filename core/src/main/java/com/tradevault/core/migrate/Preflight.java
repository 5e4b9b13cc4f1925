package com.tradevault.core.migrate;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.LedgerTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Checks a ledger before it is copied, and names every row that would not
 * survive the move: what the backend's own checks find (damage, orphaned
 * references), values of the wrong type, NULL where none is allowed, values
 * outside an enumeration or a CHECK, text and JSON the other backend would
 * reject, timestamps one of the backends cannot hold. The copy runs the same
 * row checks on every row before writing it ({@link #checkRow}).
 */
final class Preflight {

    /** Timestamps both backends hold exactly: SQLite's text has four year digits. */
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** The key of the row being checked, read only when there is something to report. */
    @FunctionalInterface
    interface RowKey {
        String get() throws SQLException;
    }

    private Preflight() {
    }

    /**
     * What the source's own integrity and foreign-key checks find; {@code thorough}
     * also cross-checks indexes, which a copy does not read (the target builds its own).
     */
    static List<Offense> databaseChecks(Database source, boolean thorough) throws SQLException {
        List<Offense> offenses = new ArrayList<>();
        try (Connection c = source.connect()) {
            source.dialect().checks().integrityProblems(c, thorough)
                    .forEach(p -> offenses.add(new Offense("ledger", "", "", p)));
        }
        return offenses;
    }

    /** Every offending row of {@code tables} in the source, in table order, without copying: the dry run. */
    static List<Offense> scan(Database source, List<LedgerTables.Table> tables) throws SQLException {
        List<Offense> offenses = databaseChecks(source, true);
        try (SliceReaders reader = SliceReaders.open(source, 1)) {
            for (LedgerTables.Table table : tables) {
                scanTable(source, reader.first(), table, offenses::add);
            }
        }
        return offenses;
    }

    private static void scanTable(Database source, Connection c, LedgerTables.Table table, Consumer<Offense> offenses)
            throws SQLException {
        RowReader reader = new RowReader(source.dialect().values(), table);
        try (Statement s = c.createStatement()) {
            s.setFetchSize(10_000);
            try (ResultSet rows = s.executeQuery(reader.select())) {
                while (rows.next()) {
                    checkRow(table, reader.read(rows, offenses), () -> reader.key(rows), offenses);
                }
            }
        }
    }

    /** Reports what is wrong with one row already read by {@link RowReader}: each value, then the row's rules. */
    static void checkRow(LedgerTables.Table table, Object[] values, RowKey key, Consumer<Offense> offenses)
            throws SQLException {
        checkValues(table, values, key, offenses);
        checkRowRules(table, values, key, offenses);
    }

    /** Each value against its own column ({@link #problem}), an offense per bad value, in column order. */
    private static void checkValues(LedgerTables.Table table, Object[] values, RowKey key, Consumer<Offense> offenses)
            throws SQLException {
        for (int i = 0; i < values.length; i++) {
            LedgerTables.Column column = table.columns().get(i);
            Optional<String> problem = problem(column, values[i]);
            if (problem.isPresent()) {
                offenses.accept(new Offense(table.name(), key.get(), column.name(), problem.get()));
            }
        }
    }

    /** The CHECKs that tie columns of the row together ({@link RowRules}), where the table has any: one offense. */
    private static void checkRowRules(LedgerTables.Table table, Object[] values, RowKey key, Consumer<Offense> offenses)
            throws SQLException {
        if (!RowRules.applyTo(table.name())) {
            return;
        }
        Optional<String> problem = RowRules.problem(table.name(), name -> byName(table, values, name));
        if (problem.isPresent()) {
            offenses.accept(new Offense(table.name(), key.get(), "", problem.get()));
        }
    }

    /** The value of the column {@code name}; a scan, since the rules look at a few of a dozen columns. */
    private static Object byName(LedgerTables.Table table, Object[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (table.columns().get(i).name().equals(name)) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("no column " + name + " in " + table.name());
    }

    /** What is wrong with a value already read as its kind ({@link RowReader#INVALID}: reported already). */
    static Optional<String> problem(LedgerTables.Column column, Object value) {
        if (value == RowReader.INVALID) {
            return Optional.empty();
        }
        if (value == null) {
            return column.nullable() ? Optional.empty() : Optional.of("is NULL, which is not allowed");
        }
        return switch (column.kind()) {
            case INTEGER -> sign(column, (Long) value);
            case TEXT -> text(column, (String) value);
            case INSTANT -> instant((Instant) value);
            case JSON -> Optional.empty();
        };
    }

    private static Optional<String> sign(LedgerTables.Column column, long value) {
        boolean bad = column.sign() == LedgerTables.Sign.POSITIVE && value <= 0
                || column.sign() == LedgerTables.Sign.NON_NEGATIVE && value < 0;
        return bad ? Optional.of(value + " must be " + (column.sign() == LedgerTables.Sign.POSITIVE ? "> 0" : ">= 0"))
                : Optional.empty();
    }

    private static Optional<String> text(LedgerTables.Column column, String value) {
        if (value.indexOf('\0') >= 0) {
            return Optional.of(Offense.shown(value) + " contains a NUL character, which PostgreSQL text rejects");
        }
        if (!column.allowed().isEmpty() && !column.allowed().contains(value)) {
            return Optional.of(Offense.shown(value) + " is not one of " + String.join(", ", new TreeSet<>(column.allowed())));
        }
        if (column.minLength() == 0 && column.maxLength() == 0) {
            return Optional.empty();
        }
        int length = value.codePointCount(0, value.length());
        if (length < column.minLength() || column.maxLength() > 0 && length > column.maxLength()) {
            return Optional.of(Offense.shown(value) + " has " + length + " characters; allowed: " + column.minLength()
                    + (column.maxLength() > 0 ? " to " + column.maxLength() : " or more"));
        }
        return Optional.empty();
    }

    private static Optional<String> instant(Instant value) {
        return value.isBefore(EARLIEST) || value.isAfter(LATEST)
                ? Optional.of(value + " is outside the years 0000 to 9999 that both backends hold")
                : Optional.empty();
    }
}
