package com.tradevault.setup.migrate;

import com.tradevault.setup.db.Database;
import com.tradevault.setup.db.LedgerTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Checks a ledger before it is copied, and names every row that would not
 * survive the move: what the backend's own checks find (damage, orphaned
 * references), values of the wrong type, NULL where none is allowed, values
 * outside an enumeration or a CHECK, text and JSON the other backend would
 * reject, timestamps one of the backends cannot hold.
 */
final class Preflight {

    /** Timestamps both backends hold exactly: SQLite's text has four year digits. */
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final Database source;

    Preflight(Database source) {
        this.source = source;
    }

    /** Every offending row, in table order; empty when the ledger can be moved as it is. */
    List<Offense> run() throws SQLException {
        List<Offense> offenses = new ArrayList<>();
        try (Connection c = source.connect()) {
            source.dialect().integrityProblems(c).forEach(p -> offenses.add(new Offense("ledger", "", "", p)));
            for (LedgerTables.Table table : LedgerTables.ALL) {
                check(c, table, offenses::add);
            }
        }
        return offenses;
    }

    private void check(Connection c, LedgerTables.Table table, Consumer<Offense> offenses) throws SQLException {
        RowReader reader = new RowReader(source.dialect(), table);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.setFetchSize(10_000);
            try (ResultSet rows = s.executeQuery(reader.select())) {
                while (rows.next()) {
                    Object[] values = reader.read(rows, offenses);
                    String key = reader.key(rows);
                    for (int i = 0; i < values.length; i++) {
                        LedgerTables.Column column = table.columns().get(i);
                        problem(column, values[i], rows.getObject(i + 1) != null)
                                .ifPresent(p -> offenses.accept(new Offense(table.name(), key, column.name(), p)));
                    }
                    RowRules.problem(table.name(), columns(table, values))
                            .ifPresent(p -> offenses.accept(new Offense(table.name(), key, "", p)));
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    private static Map<String, Object> columns(LedgerTables.Table table, Object[] values) {
        Map<String, Object> byName = new java.util.HashMap<>();
        for (int i = 0; i < values.length; i++) {
            byName.put(table.columns().get(i).name(), values[i]);
        }
        return byName;
    }

    /** What is wrong with a value already read as its kind; {@code stored} tells NULL from a wrong-type value. */
    static Optional<String> problem(LedgerTables.Column column, Object value, boolean stored) {
        if (value == null) {
            return stored || column.nullable() ? Optional.empty() : Optional.of("is NULL, which is not allowed");
        }
        return switch (column.kind()) {
            case INTEGER -> sign(column, (Long) value);
            case TEXT -> text(column, (String) value);
            case INSTANT -> instant((Instant) value);
            case JSON -> CanonicalJson.problem((String) value).map(p -> Offense.shown(value) + " " + p);
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
