package com.tradevault.app.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradevault.app.cli.Cli;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.core.db.CatalogTable;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger the bot wrote (entries, trailing stops moved, which records
 * cancel requests and cancels, a restart whose reconciliation found a missing
 * stop) goes to PostgreSQL and back with the two commands as an operator runs
 * them, and comes back equal to the original table by table, column by column
 * and row by row. JSON is compared as JSON: JSONB keeps neither key order nor
 * spacing, so the copy stores the canonical text on both sides (see
 * docs/postgres-upgrade.md).
 */
class MigratingABotLedgerBothWaysIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aLedgerTheBotWroteComesBackFromPostgresEqualColumnByColumnAndRowByRow() throws Exception {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        tradeMoveStopsAndReconcileAfterARestart();
        Path ledger = dir.resolve("data/tradevault.db");
        Map<String, List<List<Object>>> before = everyRow(env, ledger);
        assertTrue(count(before, "orders", "cancel_requested_at") > 0, "stops were moved: cancels were requested");
        assertTrue(before.get("audit_log").stream().anyMatch(r -> r.contains("reconciliation-finding")),
                "the restart's reconciliation found the missing stop");
        String pg = PostgresServer.shared().newDatabase();
        Path back = dir.resolve("back.db");

        assertEquals(0, cli(env, "migrate-to-postgres", "--target", pg, "--batch-size", "7"));
        assertEquals(0, cli(env, "migrate-to-sqlite", "--source", pg, "--target", back.toString()));

        Map<String, List<List<Object>>> after = everyRow(env, back);
        assertEquals(before.keySet(), after.keySet(), "the same tables");
        for (String table : before.keySet()) {
            assertEquals(before.get(table), after.get(table), table + ": every column of every row");
        }
    }

    private void tradeMoveStopsAndReconcileAfterARestart() {
        try (BotFixture f = new BotFixture(dir)) {
            Bot bot = f.newBot();
            bot.reconcile();
            for (int i = 0; i < 600 || f.ledger.read(LedgerSession::openPositions).isEmpty(); i++) {
                f.clock.advance(Duration.ofSeconds(1));
                f.exchange.tick();
                bot.trading().scan(BotFixture.SYMBOL);
            }
            f.restartExchange();
            f.exchange.cancelAll(Optional.empty());
            f.newBot().reconcile();
        }
    }

    /**
     * Every row of every table the catalog has, in key order, with the header
     * row of column names first; JSON columns (by their catalog kind) parsed.
     */
    private static Map<String, List<List<Object>>> everyRow(Map<String, String> env, Path file) throws Exception {
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env).withUrl("jdbc:sqlite:" + file),
                new KeyResolver(env));
        Map<String, List<List<Object>>> all = new LinkedHashMap<>();
        try (Database db = opening.openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            for (CatalogTable table : db.dialect().bulkCopy().catalog(c)) {
                if (!table.name().equals("flyway_schema_history")) {
                    all.put(table.name(), rows(s, table));
                }
            }
        }
        return all;
    }

    private static List<List<Object>> rows(Statement s, CatalogTable table) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(table.columns().stream().map(CatalogTable.Column::name).toList()));
        try (ResultSet r = s.executeQuery("SELECT * FROM " + table.name() + " ORDER BY " + table.key().orElseThrow())) {
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (CatalogTable.Column column : table.columns()) {
                    String value = r.getString(column.name());
                    boolean json = column.kind().equals(Optional.of(LedgerTables.Kind.JSON)) && value != null;
                    row.add(json ? new SameJson(JSON.readTree(value)) : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** A JSON value equal to another with the same content: numbers by value (JSONB drops exponents). */
    private record SameJson(JsonNode node) {
        private static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.equals(b)
                || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;

        @Override
        public boolean equals(Object other) {
            return other instanceof SameJson that && node.equals(BY_VALUE, that.node);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    private static long count(Map<String, List<List<Object>>> rows, String table, String column) {
        int at = rows.get(table).get(0).indexOf(column);
        return rows.get(table).stream().skip(1).filter(r -> r.get(at) != null).count();
    }

    private int cli(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = new Cli(env, Clock.systemUTC()).commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        assertEquals("", err.toString(), out.toString());
        return code;
    }
}
