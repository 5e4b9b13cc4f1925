package com.tradevault.app.ledger.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a time bound on {@code trade_decisions} into an id bound, by bisection over the primary
 * key: ids are given in the order the bot decides (one writer; folding keeps a run's first row,
 * its id and its time), so the rows decided before a time are the rows below some id. Each probe
 * is one primary-key lookup ({@code WHERE id >= ? ORDER BY id LIMIT 1}), about 22 for 4 million
 * rows, so a time window in the past costs milliseconds without an index on {@code decided_at}
 * (schema v8). The bound is widened by {@link #MARGIN}: a row decided up to that much out of order
 * (the clock stepped back between two decisions) is still inside it; a row further out of order
 * near a window's edge can be left out. The caller keeps the exact condition on the time.
 */
final class DecisionIds {

    /** How far out of order a decision's time may be and still be found near a window's edge. */
    static final Duration MARGIN = Duration.ofMinutes(1);

    private record Probe(long id, Instant at) {
    }

    private final Statements sql;

    DecisionIds(Statements sql) {
        this.sql = sql;
    }

    /** The lowest id to read for rows decided at or after {@code from}. */
    long from(Instant from) {
        // at the ends of Instant's range (a bound typed far out) the margin cannot be added: none is needed
        return firstAtOrAfter(from.isBefore(Instant.MIN.plus(MARGIN)) ? Instant.MIN : from.minus(MARGIN));
    }

    /** The id below which lie all rows decided before {@code to}. */
    long to(Instant to) {
        return firstAtOrAfter(to.isAfter(Instant.MAX.minus(MARGIN)) ? Instant.MAX : to.plus(MARGIN));
    }

    /**
     * An id such that every row below it was decided before {@code t} and the first row at or
     * after it (if any) at or after {@code t}; one past the newest id when every row is before.
     */
    private long firstAtOrAfter(Instant t) {
        long[] range = sql.one("SELECT (SELECT min(id) FROM trade_decisions), (SELECT max(id) FROM trade_decisions)",
                r -> new long[] {r.getLong(1), r.getLong(2)}).orElseThrow();
        // lo: a row decided before t (or below the first row); the first row at or after hi: at or after t, or none
        long lo = range[0] - 1;
        long hi = range[1] + 1;
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            Optional<Probe> p = probe(mid);
            if (p.isEmpty() || p.get().id() >= hi || !p.get().at().isBefore(t)) {
                hi = mid;
            } else {
                lo = p.get().id();
            }
        }
        return hi;
    }

    private Optional<Probe> probe(long id) {
        return sql.one("SELECT id, decided_at FROM trade_decisions WHERE id >= ? ORDER BY id LIMIT 1",
                r -> new Probe(r.getLong("id"), sql.instant(r, "decided_at")), id);
    }
}
