package com.tradevault.core.db.postgres;

import com.tradevault.core.db.CatalogTable;
import com.tradevault.core.db.LedgerTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A PostgreSQL database's tables from {@code pg_catalog}: the ordinary tables
 * of the connection's current schema, their columns with the type the server
 * prints for them ({@code format_type}), their primary keys, identity
 * columns, foreign keys and single-column CHECK constraints. Four queries,
 * whatever the number of tables.
 */
final class PostgresCatalog {

    private static final String COLUMNS = "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod),"
            + " a.attnotnull, a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%'"
            + " FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum"
            + " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')"
            + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.oid, a.attnum";
    private static final String CONSTRAINTS = "SELECT c.relname, k.contype, p.relname,"
            + " (SELECT string_agg(a.attname, ',') FROM pg_attribute a WHERE a.attrelid = k.conrelid"
            + " AND a.attnum = ANY (k.conkey)), array_length(k.conkey, 1), pg_get_constraintdef(k.oid)"
            + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid LEFT JOIN pg_class p ON p.oid = k.confrelid"
            + " WHERE c.relnamespace = current_schema()::regnamespace AND k.contype IN ('p', 'f', 'c')"
            + " ORDER BY c.relname, k.conname";

    /** What a column's server type holds; a type not here (numeric, real, bytea, json, …) has no kind. */
    private static final Map<String, LedgerTables.Kind> KINDS = Map.of(
            "bigint", LedgerTables.Kind.INTEGER, "integer", LedgerTables.Kind.INTEGER,
            "smallint", LedgerTables.Kind.INTEGER, "text", LedgerTables.Kind.TEXT,
            "timestamp with time zone", LedgerTables.Kind.INSTANT, "jsonb", LedgerTables.Kind.JSON);

    /** A column as read, before the table's constraints are known. */
    private record RawColumn(String name, String type, boolean notNull, boolean generated) {
    }

    /** What the constraints say about one table. */
    private static final class Constraints {
        final List<String> key = new ArrayList<>();
        final Set<String> parents = new TreeSet<>();
        final Map<String, List<String>> checks = new HashMap<>();
        final Set<String> checkedTogether = new TreeSet<>();
    }

    private PostgresCatalog() {
    }

    static List<CatalogTable> read(Connection connection) throws SQLException {
        Map<String, List<RawColumn>> columns = new LinkedHashMap<>();
        Map<String, Constraints> constraints = new HashMap<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet r = s.executeQuery(COLUMNS)) {
                while (r.next()) {
                    columns.computeIfAbsent(r.getString(1), t -> new ArrayList<>())
                            .add(new RawColumn(r.getString(2), r.getString(3), r.getBoolean(4), r.getBoolean(5)));
                }
            }
            try (ResultSet r = s.executeQuery(CONSTRAINTS)) {
                while (r.next()) {
                    add(constraints.computeIfAbsent(r.getString(1), t -> new Constraints()), r);
                }
            }
        }
        List<CatalogTable> tables = new ArrayList<>();
        columns.forEach((name, raw) -> tables.add(table(name, raw, constraints.getOrDefault(name, new Constraints()))));
        return tables;
    }

    private static void add(Constraints to, ResultSet r) throws SQLException {
        switch (r.getString(2)) {
            case "p" -> to.key.addAll(List.of(r.getString(4).split(",")));
            case "f" -> to.parents.add(r.getString(3));
            default -> {
                if (r.getInt(5) == 1) {
                    to.checks.computeIfAbsent(r.getString(4), c -> new ArrayList<>()).add(r.getString(6));
                } else {
                    to.checkedTogether.addAll(List.of(r.getString(4).split(",")));
                }
            }
        }
    }

    private static CatalogTable table(String name, List<RawColumn> raw, Constraints constraints) {
        Optional<String> key = constraints.key.size() == 1 ? Optional.of(constraints.key.get(0)) : Optional.empty();
        boolean generated = false;
        List<CatalogTable.Column> columns = new ArrayList<>();
        for (RawColumn c : raw) {
            columns.add(new CatalogTable.Column(c.name(), c.type(), Optional.ofNullable(KINDS.get(c.type())),
                    !c.notNull(), String.join(" AND ", constraints.checks.getOrDefault(c.name(), List.of()))));
            generated |= key.isPresent() && key.get().equals(c.name()) && c.generated()
                    && KINDS.get(c.type()) == LedgerTables.Kind.INTEGER;
        }
        return new CatalogTable(name, key, generated, Set.copyOf(constraints.parents), List.copyOf(columns),
                Set.copyOf(constraints.checkedTogether));
    }
}
