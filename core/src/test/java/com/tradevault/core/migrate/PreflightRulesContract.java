package com.tradevault.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.tradevault.core.db.CatalogTable;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.testing.TestLedgers;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * What the preflight holds by hand ({@link LedgerTables#RULES} and
 * {@link RowRules#READS}) held to the catalog at every migration version of a
 * dialect: each column's CHECK constraint, as the catalog prints it, says
 * exactly what its rule says; the columns that cross-column CHECKs read are
 * those {@link RowRules} reads; every column has a kind the copy can carry;
 * every rule names a column of the newest schema. A migration that adds a
 * constrained column, or changes a constraint, fails here until the rules
 * say the same.
 */
abstract class PreflightRulesContract {

    /** An empty database of the dialect under test, with no migration run yet. */
    abstract Database emptyDatabase() throws Exception;

    @Test
    void everyMigrationVersionHasTheRulesThePreflightHolds() throws Exception {
        int latest = TestLedgers.latestSchemaVersion();
        try (Database db = emptyDatabase()) {
            for (int version : TestLedgers.schemaVersions()) {
                migrateTo(db, version);
                List<CatalogTable> catalog = catalog(db);
                String where = "v" + version + " " + db.dialect().name();
                assertTrue(catalog.size() >= 7, where + ": " + catalog);
                boolean newest = version == latest;
                catalog.stream().filter(t -> !t.name().equals("flyway_schema_history"))
                        .forEach(t -> assertRulesMatch(where, t, newest));
                if (version == latest) {
                    assertEveryRuleNamesAColumn(catalog);
                }
            }
        }
    }

    /** The contract would pass on anything if the parse of a CHECK found nothing: it finds each kind of rule. */
    @Test
    void theRulesReadFromTheCatalogAreNotEmpty() throws Exception {
        try (Database db = emptyDatabase()) {
            migrateTo(db, TestLedgers.latestSchemaVersion());
            CatalogTable orders = catalog(db).stream().filter(t -> t.name().equals("orders")).findFirst().orElseThrow();
            assertEquals(Set.of("BUY", "SELL"), fromChecks(orders.column("side").orElseThrow()).allowed());
            assertEquals(36, fromChecks(orders.column("client_order_id").orElseThrow()).maxLength());
            assertEquals(LedgerTables.Sign.POSITIVE, fromChecks(orders.column("quantity_e8").orElseThrow()).sign());
            assertEquals(Optional.of(LedgerTables.Kind.INSTANT), orders.column("cancel_requested_at").orElseThrow().kind());
            assertNotEquals(LedgerTables.Rule.NONE, fromChecks(orders.column("executed_qty_e8").orElseThrow()));
            assertEquals(Set.of("type", "stop_price_e8", "price_e8", "trailing_delta"), orders.checkedTogether());
        }
    }

    static void migrateTo(Database db, int version) {
        Flyway.configure(PreflightRulesContract.class.getClassLoader()).dataSource(db.dataSource())
                .locations(db.dialect().migrationLocation()).target(String.valueOf(version)).load().migrate();
    }

    static List<CatalogTable> catalog(Database db) throws Exception {
        try (Connection c = db.connect()) {
            return db.dialect().bulkCopy().catalog(c);
        }
    }

    /**
     * Older versions may check fewer columns together (v7 added orders.trailing_delta to the stop rule):
     * the preflight reads a superset of theirs, and exactly the newest version's.
     */
    private static void assertRulesMatch(String where, CatalogTable table, boolean newest) {
        assertTrue(table.key().isPresent(), where + ": " + table.name() + " has a key");
        Set<String> reads = RowRules.READS.getOrDefault(table.name(), Set.of());
        if (newest) {
            assertEquals(table.checkedTogether(), reads,
                    where + " " + table.name() + ": RowRules.READS against the cross-column CHECKs");
        } else {
            assertTrue(reads.containsAll(table.checkedTogether()),
                    where + " " + table.name() + ": RowRules.READS covers the cross-column CHECKs");
        }
        for (CatalogTable.Column column : table.columns()) {
            String name = where + " " + table.name() + "." + column.name();
            assertTrue(column.kind().isPresent(), name + " has a kind the copy carries: " + column.type());
            assertEquals(fromChecks(column), LedgerTables.rule(table.name(), column.name()),
                    name + ": LedgerTables.RULES against its CHECK " + column.checks());
        }
    }

    private static void assertEveryRuleNamesAColumn(List<CatalogTable> catalog) {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, Map<String, LedgerTables.Rule>> table : LedgerTables.RULES.entrySet()) {
            Optional<CatalogTable> found = catalog.stream().filter(t -> t.name().equals(table.getKey())).findFirst();
            table.getValue().keySet().stream().filter(c -> found.flatMap(t -> t.column(c)).isEmpty())
                    .forEach(c -> stale.add(table.getKey() + "." + c));
        }
        assertEquals(List.of(), stale, "rules for columns the newest schema does not have");
    }

    /**
     * The rule a column's CHECK text states, in either dialect's spelling
     * (SQLite: the column's definition as written; PostgreSQL:
     * {@code pg_get_constraintdef}). A CHECK on an integer or text column
     * that says none of these fails: the rules could not describe it.
     */
    static LedgerTables.Rule fromChecks(CatalogTable.Column column) {
        String checks = column.checks();
        LedgerTables.Kind kind = column.kind().orElseThrow();
        boolean constrained = checks.toUpperCase().contains("CHECK");
        if (!constrained || kind == LedgerTables.Kind.INSTANT || kind == LedgerTables.Kind.JSON) {
            return LedgerTables.Rule.NONE;
        }
        String c = Pattern.quote(column.name());
        LedgerTables.Rule rule = new LedgerTables.Rule(allowed(checks, c), number(checks, "length\\(" + c
                + "\\)\\s*(?:>=|BETWEEN)\\s*(\\d+)"), maxLength(checks, c), sign(checks, c));
        if (rule.equals(LedgerTables.Rule.NONE)) {
            fail(column.name() + " has a CHECK that no rule describes: " + checks);
        }
        return rule;
    }

    private static Set<String> allowed(String checks, String c) {
        Matcher list = Pattern.compile("\\b" + c + "\\s+IN\\s*\\(([^)]*)\\)|\\b" + c + "\\s*=\\s*ANY\\s*\\(ARRAY\\[([^]]*)]")
                .matcher(checks);
        Set<String> values = new TreeSet<>();
        if (list.find()) {
            Matcher literal = Pattern.compile("'([^']*)'").matcher(list.group(1) != null ? list.group(1) : list.group(2));
            while (literal.find()) {
                values.add(literal.group(1));
            }
        }
        return Set.copyOf(values);
    }

    private static int maxLength(String checks, String c) {
        int between = number(checks, "length\\(" + c + "\\)\\s*BETWEEN\\s*\\d+\\s*AND\\s*(\\d+)");
        return between > 0 ? between : number(checks, "length\\(" + c + "\\)\\s*<=\\s*(\\d+)");
    }

    private static LedgerTables.Sign sign(String checks, String c) {
        if (Pattern.compile("\\b" + c + "\\s*>=\\s*0\\b").matcher(checks).find()) {
            return LedgerTables.Sign.NON_NEGATIVE;
        }
        return Pattern.compile("\\b" + c + "\\s*>\\s*0\\b").matcher(checks).find() ? LedgerTables.Sign.POSITIVE
                : LedgerTables.Sign.ANY;
    }

    private static int number(String checks, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(checks);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
