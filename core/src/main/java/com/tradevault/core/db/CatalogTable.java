package com.tradevault.core.db;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One table as a database's own catalog describes it after its migrations
 * ran (SQLite: {@code sqlite_schema} and {@code pragma_table_info};
 * PostgreSQL: {@code pg_catalog}), read by {@link BulkCopy#catalog}. What the
 * migration copies and what it verifies come from here, never from a list
 * kept by hand.
 *
 * @param name    table name
 * @param key     its single-column primary key; empty when it has none or a composite one
 * @param integerKey whether that key is an integer the database generates (SQLite's rowid alias,
 *                PostgreSQL's identity or serial column)
 * @param parents the tables its foreign keys refer to
 * @param columns every column, in declaration order
 * @param checkedTogether the columns that CHECK constraints over more than one column read
 */
public record CatalogTable(String name, Optional<String> key, boolean integerKey, Set<String> parents,
                           List<Column> columns, Set<String> checkedTogether) {

    /**
     * One column.
     *
     * @param name     column name
     * @param type     its type as the catalog names it ({@code INTEGER}, {@code timestamp with time zone}, …)
     * @param kind     what it holds, derived from that type (and on SQLite from its CHECK); empty when
     *                 the type is none the copy can carry exactly
     * @param nullable whether NULL is allowed
     * @param checks   the text of the CHECK constraints on this column alone, as the catalog prints
     *                 them (SQLite: the column's definition), for tests that hold {@link LedgerTables}
     *                 to them
     */
    public record Column(String name, String type, Optional<LedgerTables.Kind> kind, boolean nullable,
                         String checks) {
    }

    /** The column called {@code name}, if this table has one. */
    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
