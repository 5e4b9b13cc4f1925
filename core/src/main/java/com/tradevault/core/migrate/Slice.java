package com.tradevault.core.migrate;

import com.tradevault.core.db.LedgerTables;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A part of one table, by a range of its integer key, so that several
 * connections can read one table at once. Tables keyed by text are read
 * whole.
 *
 * @param table the table
 * @param where the SQL condition selecting this part, empty for the whole table
 */
record Slice(LedgerTables.Table table, String where) {

    /** {@code SELECT} of every column of this part, in the table's column order. */
    String select() {
        return "SELECT " + String.join(", ", table.columnNames()) + " FROM " + table.name()
                + (where.isEmpty() ? "" : " WHERE " + where);
    }

    /** Up to {@code parts} slices covering every row of {@code table}. */
    static List<Slice> of(Connection connection, LedgerTables.Table table, int parts) throws SQLException {
        if (!table.identity() || parts == 1) {
            return List.of(new Slice(table, ""));
        }
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT min(" + table.key() + "), max(" + table.key() + ") FROM " + table.name())) {
            r.next();
            if (r.getObject(1) == null) {
                return List.of(new Slice(table, ""));
            }
            return ranges(table, BigInteger.valueOf(r.getLong(1)), BigInteger.valueOf(r.getLong(2)), parts);
        }
    }

    private static List<Slice> ranges(LedgerTables.Table table, BigInteger min, BigInteger max, int parts) {
        BigInteger span = max.subtract(min).add(BigInteger.ONE);
        BigInteger step = span.add(BigInteger.valueOf(parts - 1)).divide(BigInteger.valueOf(parts));
        List<Slice> slices = new ArrayList<>();
        for (BigInteger low = min; low.compareTo(max) <= 0; low = low.add(step)) {
            BigInteger high = low.add(step).subtract(BigInteger.ONE).min(max);
            slices.add(new Slice(table, table.key() + " BETWEEN " + low + " AND " + high));
        }
        return slices;
    }
}
