package com.tradevault.setup.migrate;

import com.tradevault.setup.db.LedgerTables;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Puts the JSON values of rows read back in bulk into their canonical form
 * ({@link CanonicalJson}), as {@link RowReader} does for rows read through a
 * {@code ResultSet}, so that both sides of a comparison see the same text.
 */
final class JsonColumns {

    private final LedgerTables.Table table;
    private final int[] positions;

    JsonColumns(LedgerTables.Table table) {
        this.table = table;
        List<LedgerTables.Column> columns = table.columns();
        this.positions = IntStream.range(0, columns.size())
                .filter(i -> columns.get(i).kind() == LedgerTables.Kind.JSON).toArray();
    }

    /** {@code row} with its JSON values replaced by their canonical text; fails on JSON the source could not hold. */
    Object[] canonical(Object[] row) throws SQLException {
        for (int i : positions) {
            if (row[i] != null) {
                CanonicalJson.Checked checked = CanonicalJson.check((String) row[i]);
                if (checked.problem().isPresent()) {
                    throw new SQLException("cannot read back " + table.name() + "." + table.columns().get(i).name()
                            + ": " + Offense.shown(row[i]) + " " + checked.problem().get());
                }
                row[i] = checked.canonical();
            }
        }
        return row;
    }
}
