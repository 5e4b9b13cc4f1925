package com.tradevault.core.migrate;

import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.db.UnexpectedValue;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Puts the JSON values of rows read in bulk into their canonical form
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

    /** {@code row} with its JSON values replaced by their canonical text; fails on JSON the other backend rejects. */
    Object[] canonical(Object[] row) throws UnexpectedValue {
        for (int i : positions) {
            if (row[i] != null) {
                CanonicalJson.Checked checked = CanonicalJson.check((String) row[i]);
                if (checked.problem().isPresent()) {
                    throw new UnexpectedValue("cannot read " + table.name() + "." + table.columns().get(i).name()
                            + ": " + Offense.shown(row[i]) + " " + checked.problem().get());
                }
                row[i] = checked.canonical();
            }
        }
        return row;
    }
}
