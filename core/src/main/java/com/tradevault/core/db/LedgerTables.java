package com.tradevault.core.db;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the copy between backends needs beyond the catalogs: the value rules
 * of the columns (the enumerations, lengths and signs their CHECK
 * constraints allow), so that the preflight names an offending row before a
 * backend rejects it. The tables, their columns and what each holds come
 * from each database's own catalog ({@link BulkCopy#catalog}) and are turned
 * into {@link Table}s by {@link #of}; a test holds {@link #RULES} to the
 * CHECK constraints of every migration version of both dialects.
 */
public final class LedgerTables {

    /** What a column holds, independent of how a backend stores it. */
    public enum Kind {
        /** A 64-bit integer: ids and fixed-point amounts ({@code *_e8}, units of 1e-8). */
        INTEGER,
        /** Unicode text. */
        TEXT,
        /** A UTC timestamp, exact to the microsecond. */
        INSTANT,
        /** A JSON document: validated text on SQLite, JSONB on PostgreSQL. */
        JSON
    }

    /** What the CHECK constraints of a column allow, beyond its kind. */
    public enum Sign {
        ANY, NON_NEGATIVE, POSITIVE
    }

    /**
     * One column.
     *
     * @param name      column name
     * @param kind      what it holds
     * @param nullable  whether NULL is allowed
     * @param allowed   the enumeration it is limited to, empty when free
     * @param minLength shortest text allowed (0: no limit)
     * @param maxLength longest text allowed (0: no limit)
     * @param sign      the sign its CHECK constraint requires
     */
    public record Column(String name, Kind kind, boolean nullable, Set<String> allowed, int minLength, int maxLength,
                         Sign sign) {
    }

    /**
     * One table.
     *
     * @param name     table name
     * @param key      its primary key column
     * @param identity whether the key is an integer the database generates (rowid alias, identity column)
     * @param columns  every column, in declaration order
     */
    public record Table(String name, String key, boolean identity, List<Column> columns) {

        public List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }

        /** The kind of each column, in column order: an array, for loops that run once per value. */
        public Kind[] kinds() {
            return columns.stream().map(Column::kind).toArray(Kind[]::new);
        }
    }

    /**
     * What the CHECK constraint of one column allows beyond its kind.
     *
     * @param allowed   the enumeration it is limited to, empty when free
     * @param minLength shortest text allowed (0: no limit)
     * @param maxLength longest text allowed (0: no limit)
     * @param sign      the sign it requires
     */
    public record Rule(Set<String> allowed, int minLength, int maxLength, Sign sign) {
        /** No rule beyond the column's kind and nullability. */
        public static final Rule NONE = new Rule(Set.of(), 0, 0, Sign.ANY);
    }

    /** The value rules, by table and column; a column not named here has none. */
    public static final Map<String, Map<String, Rule>> RULES = Map.of(
            "positions", Map.of("symbol", length(1, 32), "status", oneOf("OPEN", "CLOSED"),
                    "quantity_e8", sign(Sign.NON_NEGATIVE), "entry_price_e8", sign(Sign.POSITIVE),
                    "highest_price_e8", sign(Sign.POSITIVE), "stop_price_e8", sign(Sign.POSITIVE),
                    "trail_kind", oneOf("PERCENT", "ABSOLUTE"), "trail_e8", sign(Sign.POSITIVE)),
            "orders", Map.ofEntries(Map.entry("client_order_id", length(1, 36)), Map.entry("symbol", length(1, 32)),
                    Map.entry("side", oneOf("BUY", "SELL")),
                    Map.entry("type", oneOf("MARKET", "LIMIT", "STOP_LOSS", "STOP_LOSS_LIMIT")),
                    Map.entry("purpose", oneOf("ENTRY", "STOP", "EXIT")), Map.entry("quantity_e8", sign(Sign.POSITIVE)),
                    Map.entry("price_e8", sign(Sign.POSITIVE)), Map.entry("stop_price_e8", sign(Sign.POSITIVE)),
                    Map.entry("executed_qty_e8", sign(Sign.NON_NEGATIVE)),
                    Map.entry("status", oneOf("INTENT", "NEW", "PARTIALLY_FILLED", "FILLED", "CANCELED", "REJECTED",
                            "EXPIRED", "NEVER_SENT")), Map.entry("trailing_delta", sign(Sign.POSITIVE))),
            "fills", Map.of("exchange_fill_id", length(1, 0), "price_e8", sign(Sign.POSITIVE),
                    "quantity_e8", sign(Sign.POSITIVE), "fee_e8", sign(Sign.NON_NEGATIVE)),
            "trade_decisions", Map.of("symbol", length(1, 32), "decision", oneOf("ENTER", "EXIT", "HOLD", "SKIP"),
                    "folded_count", sign(Sign.POSITIVE)),
            "decision_packs", Map.of("symbol", length(1, 32), "decision", oneOf("HOLD", "SKIP"),
                    "decisions", sign(Sign.POSITIVE), "body", length(1, 0)),
            "audit_log", Map.of("event_type", length(1, 64), "folded_count", sign(Sign.POSITIVE)),
            "kv", Map.of("key", length(1, 128)),
            "dust", Map.of("symbol", length(1, 32), "asset", length(1, 32), "quantity_e8", sign(Sign.NON_NEGATIVE)),
            "alert_outbox", Map.of("condition_key", length(1, 128), "event", length(1, 64),
                    "state", oneOf("RAISED", "RECOVERED", "NOTICE"), "severity", oneOf("CRITICAL", "WARNING", "INFO"),
                    "attempts", sign(Sign.NON_NEGATIVE)));

    private LedgerTables() {
    }

    /** The rule of {@code table}.{@code column}, {@link Rule#NONE} when it has none. */
    public static Rule rule(String table, String column) {
        return RULES.getOrDefault(table, Map.of()).getOrDefault(column, Rule.NONE);
    }

    /**
     * The table as the copy reads and writes it: its catalog's columns and
     * kinds with their rules. The table must have a single-column key and a
     * kind for every column ({@code CopyPlan} refuses one that has not).
     */
    public static Table of(CatalogTable table) {
        List<Column> columns = table.columns().stream().map(c -> column(table.name(), c)).toList();
        String key = table.key().orElseThrow(() -> new IllegalArgumentException(table.name() + " has no key"));
        return new Table(table.name(), key, table.integerKey(), columns);
    }

    private static Column column(String table, CatalogTable.Column c) {
        Rule rule = rule(table, c.name());
        Kind kind = c.kind().orElseThrow(() -> new IllegalArgumentException(table + "." + c.name() + " has no kind"));
        return new Column(c.name(), kind, c.nullable(), rule.allowed(), rule.minLength(), rule.maxLength(),
                rule.sign());
    }

    private static Rule length(int min, int max) {
        return new Rule(Set.of(), min, max, Sign.ANY);
    }

    private static Rule sign(Sign sign) {
        return new Rule(Set.of(), 0, 0, sign);
    }

    private static Rule oneOf(String... values) {
        return new Rule(Arrays.stream(values).collect(Collectors.toUnmodifiableSet()), 0, 0, Sign.ANY);
    }
}
