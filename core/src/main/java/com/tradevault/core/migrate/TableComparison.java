package com.tradevault.core.migrate;

import com.tradevault.core.db.CatalogTable;
import com.tradevault.core.db.LedgerTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The verification's view of source and target, from both catalogs as they
 * are after the copy and independent of what the copy was told to copy: every
 * table and column that either catalog has (but {@link CopyPlan#EXCLUDED})
 * must be on both sides, of the same kind, and covered by both checksums. A
 * column the copy skipped therefore shows as a difference even when the
 * source checksum was taken without it.
 */
final class TableComparison {

    private final Map<String, CatalogTable> source;
    private final Map<String, CatalogTable> target;

    TableComparison(List<CatalogTable> source, List<CatalogTable> target) {
        this.source = byName(source);
        this.target = byName(target);
    }

    private static Map<String, CatalogTable> byName(List<CatalogTable> catalog) {
        return CopyPlan.copied(catalog).stream().collect(Collectors.toMap(CatalogTable::name, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }

    /** The target's tables that can be read back: those with a key and a kind for every column. */
    List<LedgerTables.Table> readable() {
        return target.values().stream().filter(TableComparison::readable).map(LedgerTables::of).toList();
    }

    private static boolean readable(CatalogTable table) {
        return table.key().isPresent() && table.columns().stream().allMatch(c -> c.kind().isPresent());
    }

    /** One result per table of either side: the copied tables in copy order, then the others. */
    List<TableResult> results(Map<String, TableDigest> sourceDigests, Map<String, TableDigest> targetDigests) {
        Set<String> names = new LinkedHashSet<>(sourceDigests.keySet());
        names.addAll(source.keySet());
        names.addAll(target.keySet());
        List<TableResult> results = new ArrayList<>();
        for (String name : names) {
            Optional<TableDigest> ours = Optional.ofNullable(sourceDigests.get(name));
            Optional<TableDigest> theirs = Optional.ofNullable(targetDigests.get(name));
            results.add(new TableResult(name, ours.map(TableDigest::rows).orElse(0L),
                    theirs.map(TableDigest::rows).orElse(0L), ours.map(TableDigest::hex).orElse(""),
                    theirs.map(TableDigest::hex).orElse(""), String.join("; ", differences(name, ours, theirs))));
        }
        return results;
    }

    private List<String> differences(String name, Optional<TableDigest> ours, Optional<TableDigest> theirs) {
        CatalogTable mine = source.get(name);
        CatalogTable other = target.get(name);
        if (mine == null || other == null) {
            return List.of(name + " is only in the " + (mine == null ? "target" : "source"));
        }
        List<String> found = new ArrayList<>();
        Set<String> columns = new TreeSet<>();
        mine.columns().forEach(c -> columns.add(c.name()));
        other.columns().forEach(c -> columns.add(c.name()));
        for (String column : columns) {
            column(name, column, mine.column(column), other.column(column)).ifPresent(found::add);
        }
        covers(name, "source", ours, columns).ifPresent(found::add);
        covers(name, "target", theirs, columns).ifPresent(found::add);
        return found;
    }

    private static Optional<String> column(String table, String column, Optional<CatalogTable.Column> mine,
                                           Optional<CatalogTable.Column> other) {
        if (mine.isEmpty() || other.isEmpty()) {
            return Optional.of(table + "." + column + " is only in the " + (mine.isEmpty() ? "target" : "source"));
        }
        if (!mine.get().kind().equals(other.get().kind())) {
            return Optional.of(table + "." + column + " is " + kind(mine.get()) + " in the source but "
                    + kind(other.get()) + " in the target");
        }
        return Optional.empty();
    }

    private static String kind(CatalogTable.Column column) {
        return column.kind().map(Enum::name).orElse(column.type());
    }

    /** A checksum that leaves out a column of either catalog proves nothing about that column. */
    private static Optional<String> covers(String table, String side, Optional<TableDigest> digest,
                                           Set<String> columns) {
        if (digest.isEmpty()) {
            return Optional.of(table + " was not read from the " + side);
        }
        List<String> missing = columns.stream().filter(c -> !digest.get().columns().contains(c)).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of("the " + side + " checksum of " + table
                + " leaves out " + String.join(", ", missing));
    }
}
