package com.tradevault.core.migrate;

import com.tradevault.core.db.CatalogTable;
import com.tradevault.core.db.LedgerTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a migration copies, decided by the source's own catalog and checked
 * against the target's once the migrations made its schema: every table of
 * the source is either copied, in foreign-key order, with every one of its
 * columns, or named in {@link #EXCLUDED}. A table or column the copy cannot
 * place (a type it cannot carry exactly, no single-column key, missing on
 * the other side or of another kind there) is a {@linkplain #problems()
 * problem} that stops the migration before any row is written.
 */
final class CopyPlan {

    /** Tables that are never copied, and why. */
    static final Map<String, String> EXCLUDED = Map.of("flyway_schema_history",
            "Flyway's record of the migrations that ran: the target's own is written by the same migrations");

    /** The names the copy writes into SQL as they are: what the migrations use, and PostgreSQL keeps as written. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String UNQUOTED = "has a name that is not a plain lower-case SQL identifier, which the copy"
            + " writes into its statements unquoted";

    private final Set<String> sourceTables;
    private final List<LedgerTables.Table> tables;
    private final List<Offense> problems;

    private CopyPlan(Set<String> sourceTables, List<LedgerTables.Table> tables, List<Offense> problems) {
        this.sourceTables = sourceTables;
        this.tables = tables;
        this.problems = problems;
    }

    /** The plan for the tables of the source's catalog, and what in it cannot be placed. */
    static CopyPlan from(List<CatalogTable> source) {
        List<Offense> problems = new ArrayList<>();
        Map<String, CatalogTable> placeable = new LinkedHashMap<>();
        for (CatalogTable table : copied(source)) {
            List<Offense> found = unplaceable(table);
            problems.addAll(found);
            if (found.isEmpty()) {
                placeable.put(table.name(), table);
            }
        }
        List<LedgerTables.Table> ordered = parentsFirst(placeable, problems);
        Set<String> names = source.stream().map(CatalogTable::name).collect(Collectors.toUnmodifiableSet());
        return new CopyPlan(names, ordered, List.copyOf(problems));
    }

    /** This plan with what the target's catalog does not have, or has besides, added to its problems. */
    CopyPlan against(List<CatalogTable> target) {
        List<Offense> problems = new ArrayList<>(this.problems);
        Map<String, CatalogTable> theirs = copied(target).stream()
                .collect(Collectors.toMap(CatalogTable::name, t -> t));
        for (LedgerTables.Table ours : tables) {
            Optional.ofNullable(theirs.get(ours.name())).ifPresentOrElse(t -> compare(ours, t, problems),
                    () -> problems.add(new Offense(ours.name(), "", "", "is in the source but not in the target, whose"
                            + " schema the migrations made; add it to the migrations of both dialects, or drop it")));
        }
        theirs.keySet().stream().filter(name -> !sourceTables.contains(name)).sorted().forEach(name -> problems.add(
                new Offense(name, "", "", "is in the target but not in the source")));
        return new CopyPlan(sourceTables, tables, List.copyOf(problems));
    }

    /** The tables to copy, parents before children, as the source's catalog has them. */
    List<LedgerTables.Table> tables() {
        return tables;
    }

    /** Every table and column that cannot be placed; the migration copies nothing while there is one. */
    List<Offense> problems() {
        return problems;
    }

    /** Whether {@code table} is a table of the source (copied or not). */
    boolean inSource(String table) {
        return sourceTables.contains(table);
    }

    /** The tables of a catalog that are not {@link #EXCLUDED}. */
    static List<CatalogTable> copied(List<CatalogTable> catalog) {
        return catalog.stream().filter(t -> !EXCLUDED.containsKey(t.name())).toList();
    }

    private static List<Offense> unplaceable(CatalogTable table) {
        List<Offense> found = new ArrayList<>();
        if (!PLAIN_NAME.matcher(table.name()).matches()) {
            found.add(new Offense(table.name(), "", "", UNQUOTED));
        }
        if (table.key().isEmpty()) {
            found.add(new Offense(table.name(), "", "", "has no single-column primary key, by which the copy reads"
                    + " it in parts and names its rows"));
        }
        for (CatalogTable.Column column : table.columns()) {
            if (!PLAIN_NAME.matcher(column.name()).matches()) {
                found.add(new Offense(table.name(), "", column.name(), UNQUOTED));
            }
            if (column.kind().isEmpty()) {
                found.add(new Offense(table.name(), "", column.name(), "has type " + column.type() + ", which the"
                        + " copy cannot carry exactly between SQLite and PostgreSQL (it carries 64-bit integers, text,"
                        + " UTC timestamps and JSON)"));
            }
        }
        return found;
    }

    private static void compare(LedgerTables.Table ours, CatalogTable theirs, List<Offense> problems) {
        Map<String, LedgerTables.Kind> kinds = new LinkedHashMap<>();
        ours.columns().forEach(c -> kinds.put(c.name(), c.kind()));
        for (LedgerTables.Column column : ours.columns()) {
            Optional<CatalogTable.Column> other = theirs.column(column.name());
            if (other.isEmpty()) {
                problems.add(new Offense(ours.name(), "", column.name(), "is in the source but not in the target,"
                        + " whose schema the migrations made; add it to the migrations of both dialects, or drop it"));
            } else if (!other.get().kind().equals(Optional.of(column.kind()))) {
                problems.add(new Offense(ours.name(), "", column.name(), "is " + column.kind() + " in the source but "
                        + other.get().kind().map(Enum::name).orElse(other.get().type()) + " in the target"));
            }
        }
        theirs.columns().stream().filter(c -> !kinds.containsKey(c.name())).forEach(c -> problems.add(
                new Offense(ours.name(), "", c.name(), "is in the target but not in the source")));
    }

    /**
     * The tables in an order where each comes after the tables it refers to,
     * otherwise in the catalog's (creation) order; a cycle is a problem.
     */
    private static List<LedgerTables.Table> parentsFirst(Map<String, CatalogTable> tables, List<Offense> problems) {
        List<LedgerTables.Table> ordered = new ArrayList<>();
        Map<String, CatalogTable> left = new LinkedHashMap<>(tables);
        while (!left.isEmpty()) {
            Optional<CatalogTable> next = left.values().stream().filter(t -> t.parents().stream()
                    .noneMatch(p -> !p.equals(t.name()) && left.containsKey(p))).findFirst();
            if (next.isEmpty()) {
                left.keySet().forEach(name -> problems.add(new Offense(name, "", "", "is part of a cycle of foreign"
                        + " keys (" + String.join(", ", left.keySet()) + "), for which no copy order exists")));
                break;
            }
            ordered.add(LedgerTables.of(next.get()));
            left.remove(next.get().name());
        }
        return List.copyOf(ordered);
    }
}
