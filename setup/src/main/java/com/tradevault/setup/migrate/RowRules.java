package com.tradevault.setup.migrate;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The CHECK constraints of the schema that tie two columns of a row together. */
final class RowRules {

    private static final Set<String> STOP_TYPES = Set.of("STOP_LOSS", "STOP_LOSS_LIMIT");
    private static final Set<String> PRICED_TYPES = Set.of("LIMIT", "STOP_LOSS_LIMIT");

    private RowRules() {
    }

    /** Whether {@code table} has rules across columns. */
    static boolean applyTo(String table) {
        return table.equals("positions") || table.equals("orders") || table.equals("trade_decisions");
    }

    static Optional<String> problem(String table, Map<String, Object> row) {
        return switch (table) {
            case "positions" -> positions(row);
            case "orders" -> orders(row);
            case "trade_decisions" -> decisions(row);
            default -> Optional.empty();
        };
    }

    private static Optional<String> positions(Map<String, Object> row) {
        boolean open = "OPEN".equals(row.get("status"));
        return open == (row.get("closed_at") == null) ? Optional.empty()
                : Optional.of("status " + row.get("status") + " with closed_at " + row.get("closed_at")
                        + ": an OPEN position has no closed_at and a CLOSED one has one");
    }

    private static Optional<String> orders(Map<String, Object> row) {
        Object type = row.get("type");
        boolean stop = STOP_TYPES.contains(type);
        if (stop != (row.get("stop_price_e8") != null)) {
            return Optional.of("type " + type + " with stop_price_e8 " + row.get("stop_price_e8")
                    + ": stop orders need a stop price and other orders have none");
        }
        if (PRICED_TYPES.contains(type) && row.get("price_e8") == null) {
            return Optional.of("type " + type + " without price_e8");
        }
        return Optional.empty();
    }

    private static Optional<String> decisions(Map<String, Object> row) {
        boolean skip = Objects.equals("SKIP", row.get("decision"));
        return skip == (row.get("skip_reason") != null) ? Optional.empty()
                : Optional.of("decision " + row.get("decision") + " with skip_reason " + Offense.shown(row.get("skip_reason"))
                        + ": a SKIP has a reason and nothing else does");
    }
}
