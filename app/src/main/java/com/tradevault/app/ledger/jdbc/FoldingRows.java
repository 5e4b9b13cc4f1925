package com.tradevault.app.ledger.jdbc;

import com.tradevault.app.ledger.Folded;
import com.tradevault.app.ledger.jdbc.Statements.At;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Retention folding of one append-only table, one batch per call: walks the
 * rows in id order from where the previous batch stopped (a cursor in
 * {@code kv}), and folds each row that repeats the run before it in its group
 * into that run's first row ({@code folded_count}, {@code folded_until}).
 * Decisions may be packed (schema v10): the walk stops at the lowest pack,
 * and when it reaches it, puts that pack's decisions back as rows first, so a
 * run is never folded across decisions it has not seen.
 * The same SQL on both backends.
 */
final class FoldingRows {

    /**
     * What is folded in one table.
     *
     * @param table    the table
     * @param time     its time column
     * @param group    the column whose rows form runs (a symbol, an event type)
     * @param match    the columns that must be equal for a row to repeat its run
     * @param breakers values of the first match column that are never folded and end a run
     * @param newest   the order, newest first, in which the group's index gives its rows
     */
    record Shape(String table, String time, String group, List<String> match, Set<String> breakers,
                 String newest) {

        String cursorKey() {
            return "retention:" + table + ":folded-through";
        }

        String columns() {
            return "id, " + group + ", " + time + ", " + String.join(", ", match) + ", folded_count, folded_until";
        }
    }

    /** Decisions of a symbol come newest first from the (symbol, id) index (schema v8). */
    static final Shape DECISIONS = new Shape("trade_decisions", "decided_at", "symbol",
            List.of("decision", "skip_reason"), Set.of("ENTER", "EXIT"), "id DESC");
    /** Audit entries of a type come newest first from the (event_type, created_at) index. */
    static final Shape AUDIT = new Shape("audit_log", "created_at", "event_type", List.of("data"), Set.of(),
            "created_at DESC, id DESC");

    /** One row as folding sees it. */
    private record Row(long id, String group, Instant time, List<String> match, long count, Instant until) {

        Instant lastTime() {
            return until == null ? time : until;
        }
    }

    /**
     * The rows to remove, as ranges of ids: the batch holds every row between
     * its first and last id, so consecutive removed rows of the batch are all
     * the rows of their id range, and one range delete removes them.
     */
    private static final class Removals {
        private final List<Object[]> ranges = new ArrayList<>();
        private long[] open;
        private int count;

        void next(long id, boolean remove) {
            if (!remove) {
                close();
                return;
            }
            count++;
            if (open == null) {
                open = new long[] {id, id};
            } else {
                open[1] = id;
            }
        }

        private void close() {
            if (open != null) {
                ranges.add(new Object[] {open[0], open[1]});
                open = null;
            }
        }

        List<Object[]> ranges() {
            close();
            return ranges;
        }

        int count() {
            return count;
        }
    }

    /** The first row of an open run, as it will be written back. */
    private static final class Head {
        final Row row;
        long count;
        Instant until;
        boolean changed;

        Head(Row row) {
            this.row = row;
            this.count = row.count();
            this.until = row.until();
        }

        void absorb(Row r) {
            count += r.count();
            until = r.lastTime();
            changed = true;
        }
    }

    private final Statements sql;
    private final Shape shape;
    private final Optional<DecisionPacks> packs;
    private final Map<String, Optional<Head>> heads = new HashMap<>();
    /** Heads that absorbed rows, to write back even after a later row of their group ended their run. */
    private final List<Head> changed = new ArrayList<>();

    FoldingRows(Statements sql, Shape shape, Optional<DecisionPacks> packs) {
        this.sql = sql;
        this.shape = shape;
        this.packs = packs;
    }

    /** Folds the next batch of at most {@code limit} rows older than {@code before}; {@code now} stamps the cursor. */
    Folded fold(Instant before, int limit, Instant now) {
        long cursor = cursor();
        Optional<DecisionPacks.Wall> wall = packs.flatMap(DecisionPacks::lowest);
        List<Row> rows = sql.list("SELECT " + shape.columns() + " FROM " + shape.table() + " WHERE id > ? AND id < ?"
                + " ORDER BY id LIMIT ?", this::row, cursor, wall.map(DecisionPacks.Wall::firstId).orElse(Long.MAX_VALUE),
                limit);
        boolean unpack = wall.filter(w -> w.decidedFrom().isBefore(before)).isPresent();
        if (rows.isEmpty() && unpack) {
            packs.get().unpackIntoRows(wall.get());
            return new Folded(0, 0, false);
        }
        Removals removed = new Removals();
        long newest = newestId();
        int read = 0;
        for (Row r : rows) {
            if (!r.time().isBefore(before) || r.id() == newest) {
                return finish(cursor, read, removed, true, now);
            }
            removed.next(r.id(), fold(r, cursor));
            cursor = r.id();
            read++;
        }
        return finish(cursor, read, removed, rows.size() < limit && !unpack, now);
    }

    /** Folds {@code r} into its run, or starts or ends a run with it; true when it is to be removed. */
    private boolean fold(Row r, long cursor) {
        Optional<Head> head = heads.computeIfAbsent(r.group(), g -> headBefore(g, cursor, r.time()));
        if (shape.breakers().contains(r.match().get(0))) {
            heads.put(r.group(), Optional.empty());
        } else if (head.isPresent() && head.get().row.match().equals(r.match())) {
            if (!head.get().changed) {
                changed.add(head.get());
            }
            head.get().absorb(r);
            return true;
        } else {
            heads.put(r.group(), Optional.of(new Head(r)));
        }
        return false;
    }

    private Folded finish(long cursor, int read, Removals removed, boolean done, Instant now) {
        List<Object[]> updates = changed.stream().map(h -> new Object[] {h.count, new At(h.until), h.row.id()}).toList();
        sql.batch("UPDATE " + shape.table() + " SET folded_count = ?, folded_until = ? WHERE id = ?", updates);
        sql.batch("DELETE FROM " + shape.table() + " WHERE id BETWEEN ? AND ?", removed.ranges());
        new KeyValues(sql).put(shape.cursorKey(), Long.toString(cursor), now);
        return new Folded(read, removed.count(), done);
    }

    /** The open run of {@code group} that an earlier batch left: the group's last row up to the cursor. */
    private Optional<Head> headBefore(String group, long cursor, Instant notAfter) {
        if (cursor == 0) {
            return Optional.empty();
        }
        return sql.one("SELECT " + shape.columns() + " FROM " + shape.table() + " WHERE " + shape.group() + " = ?"
                        + " AND id <= ? AND " + shape.time() + " <= ? ORDER BY " + shape.newest() + " LIMIT 1",
                this::row, group, cursor, new At(notAfter))
                .filter(r -> !shape.breakers().contains(r.match().get(0))).map(Head::new);
    }

    /**
     * The table's newest row is never folded away: SQLite gives a new row the
     * highest id plus one, so removing the newest would hand its id (below the
     * cursor) to the next row.
     */
    private long newestId() {
        return sql.one("SELECT max(id) FROM " + shape.table(), r -> r.getLong(1)).orElse(0L);
    }

    private long cursor() {
        return new KeyValues(sql).value(shape.cursorKey()).map(Long::parseLong).orElse(0L);
    }

    private Row row(ResultSet r) throws SQLException {
        List<String> match = new ArrayList<>();
        for (String column : shape.match()) {
            match.add(Objects.requireNonNullElse(r.getString(column), ""));
        }
        Instant until = r.getObject("folded_until") == null ? null : sql.instant(r, "folded_until");
        return new Row(r.getLong("id"), r.getString(shape.group()), sql.instant(r, shape.time()), List.copyOf(match),
                r.getLong("folded_count"), until);
    }
}
