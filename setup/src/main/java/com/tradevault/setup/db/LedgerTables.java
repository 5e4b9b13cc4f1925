package com.tradevault.setup.db;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ledger's tables as the current schema defines them, in foreign-key
 * order (a table comes after every table it references), with what each
 * column holds and the value rules both backends enforce. Used to copy,
 * check and compare ledgers across backends; a test keeps it equal to the
 * migrations of both dialects.
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
     * @param identity whether the key is generated (an identity column on PostgreSQL)
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

    /** Every ledger table, parents before children. */
    public static final List<Table> ALL = List.of(
            table("positions", id(), text("symbol", 1, 32), oneOf("status", "OPEN", "CLOSED"),
                    amount("quantity_e8", Sign.NON_NEGATIVE), amount("entry_price_e8", Sign.POSITIVE),
                    amount("highest_price_e8", Sign.POSITIVE), optionalAmount("stop_price_e8", Sign.POSITIVE),
                    oneOf("trail_kind", "PERCENT", "ABSOLUTE"), amount("trail_e8", Sign.POSITIVE),
                    amount("realized_pnl_e8", Sign.ANY), instant("opened_at", false), instant("closed_at", true),
                    instant("updated_at", false)),
            table("orders", id(), text("client_order_id", 1, 36), optionalText("exchange_order_id"),
                    optionalInteger("position_id"), text("symbol", 1, 32), oneOf("side", "BUY", "SELL"),
                    oneOf("type", "MARKET", "LIMIT", "STOP_LOSS", "STOP_LOSS_LIMIT"),
                    oneOf("purpose", "ENTRY", "STOP", "EXIT"), amount("quantity_e8", Sign.POSITIVE),
                    optionalAmount("price_e8", Sign.POSITIVE), optionalAmount("stop_price_e8", Sign.POSITIVE),
                    amount("executed_qty_e8", Sign.NON_NEGATIVE),
                    oneOf("status", "INTENT", "NEW", "PARTIALLY_FILLED", "FILLED", "CANCELED", "REJECTED", "EXPIRED",
                            "NEVER_SENT"),
                    instant("created_at", false), instant("updated_at", false)),
            table("fills", id(), text("exchange_fill_id", 1, 0), amount("order_id", Sign.ANY),
                    amount("price_e8", Sign.POSITIVE), amount("quantity_e8", Sign.POSITIVE),
                    amount("fee_e8", Sign.NON_NEGATIVE), optionalText("fee_asset"), instant("filled_at", false)),
            table("trade_decisions", id(), text("symbol", 1, 32), instant("decided_at", false),
                    oneOf("decision", "ENTER", "EXIT", "HOLD", "SKIP"), optionalText("skip_reason"),
                    json("payload")),
            table("audit_log", id(), text("event_type", 1, 64), json("data"), instant("created_at", false)),
            table("state_snapshots", id(), instant("taken_at", false), json("data")),
            new Table("kv", "key", false, List.of(text("key", 1, 128), text("value", 0, 0),
                    instant("updated_at", false))));

    private LedgerTables() {
    }

    /** The table called {@code name}. */
    public static Table named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ledger table " + name));
    }

    private static Table table(String name, Column... columns) {
        return new Table(name, "id", true, List.of(columns));
    }

    private static Column id() {
        return new Column("id", Kind.INTEGER, false, Set.of(), 0, 0, Sign.ANY);
    }

    private static Column amount(String name, Sign sign) {
        return new Column(name, Kind.INTEGER, false, Set.of(), 0, 0, sign);
    }

    private static Column optionalAmount(String name, Sign sign) {
        return new Column(name, Kind.INTEGER, true, Set.of(), 0, 0, sign);
    }

    private static Column optionalInteger(String name) {
        return optionalAmount(name, Sign.ANY);
    }

    private static Column text(String name, int min, int max) {
        return new Column(name, Kind.TEXT, false, Set.of(), min, max, Sign.ANY);
    }

    private static Column optionalText(String name) {
        return new Column(name, Kind.TEXT, true, Set.of(), 0, 0, Sign.ANY);
    }

    private static Column oneOf(String name, String... values) {
        return new Column(name, Kind.TEXT, false, Arrays.stream(values).collect(Collectors.toUnmodifiableSet()), 0, 0,
                Sign.ANY);
    }

    private static Column instant(String name, boolean nullable) {
        return new Column(name, Kind.INSTANT, nullable, Set.of(), 0, 0, Sign.ANY);
    }

    private static Column json(String name) {
        return new Column(name, Kind.JSON, false, Set.of(), 0, 0, Sign.ANY);
    }
}
