package com.tradevault.core.migrate;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The CHECK constraints of the schema that tie two columns of a row
 * together. A test holds {@link #READS} to the catalogs of every migration
 * version of both dialects.
 */
final class RowRules {

    /** The tables these rules apply to, and the columns they read: those of their cross-column CHECKs. */
    static final Map<String, Set<String>> READS = Map.of("positions", Set.of("status", "closed_at"),
            "orders", Set.of("type", "stop_price_e8", "price_e8", "trailing_delta"),
            "trade_decisions", Set.of("decision", "skip_reason"),
            "decision_packs", Set.of("first_id", "last_id", "decided_from", "decided_until"));

    private static final Set<String> STOP_TYPES = Set.of("STOP_LOSS", "STOP_LOSS_LIMIT");
    private static final Set<String> PRICED_TYPES = Set.of("LIMIT", "STOP_LOSS_LIMIT");

    private RowRules() {
    }

    /** Whether {@code table} has rules across columns. */
    static boolean applyTo(String table) {
        return READS.containsKey(table);
    }

    static Optional<String> problem(String table, Function<String, Object> row) {
        return switch (table) {
            case "positions" -> positions(row);
            case "orders" -> orders(row);
            case "trade_decisions" -> decisions(row);
            case "decision_packs" -> packs(row);
            default -> Optional.empty();
        };
    }

    private static Optional<String> positions(Function<String, Object> row) {
        boolean open = "OPEN".equals(row.apply("status"));
        return open == (row.apply("closed_at") == null) ? Optional.empty()
                : Optional.of("status " + row.apply("status") + " with closed_at " + row.apply("closed_at")
                        + ": an OPEN position has no closed_at and a CLOSED one has one");
    }

    private static Optional<String> orders(Function<String, Object> row) {
        Object type = row.apply("type");
        boolean stop = STOP_TYPES.contains(type);
        boolean trigger = row.apply("stop_price_e8") != null || row.apply("trailing_delta") != null;
        if (stop != trigger) {
            return Optional.of("type " + type + " with stop_price_e8 " + row.apply("stop_price_e8")
                    + " and trailing_delta " + row.apply("trailing_delta")
                    + ": stop orders need a stop price or a trailing delta and other orders have neither");
        }
        if (PRICED_TYPES.contains(type) && row.apply("price_e8") == null) {
            return Optional.of("type " + type + " without price_e8");
        }
        return Optional.empty();
    }

    private static Optional<String> packs(Function<String, Object> row) {
        if (after(row.apply("first_id"), row.apply("last_id"))) {
            return Optional.of("first_id " + row.apply("first_id") + " after last_id " + row.apply("last_id"));
        }
        if (after(row.apply("decided_from"), row.apply("decided_until"))) {
            return Optional.of("decided_from " + row.apply("decided_from") + " after decided_until "
                    + row.apply("decided_until"));
        }
        return Optional.empty();
    }

    /** Whether {@code a} comes after {@code b}; a missing or unreadable value is another rule's finding. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean after(Object a, Object b) {
        return a instanceof Comparable x && b != null && a.getClass() == b.getClass() && x.compareTo(b) > 0;
    }

    private static Optional<String> decisions(Function<String, Object> row) {
        boolean skip = Objects.equals("SKIP", row.apply("decision"));
        return skip == (row.apply("skip_reason") != null) ? Optional.empty()
                : Optional.of("decision " + row.apply("decision") + " with skip_reason " + Offense.shown(row.apply("skip_reason"))
                        + ": a SKIP has a reason and nothing else does");
    }
}
