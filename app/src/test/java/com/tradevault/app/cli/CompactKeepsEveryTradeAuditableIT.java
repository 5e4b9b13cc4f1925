package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit guarantee of retention, on a ledger the real bot wrote: after
 * 'db compact' every order and every fill still has the decision that made
 * the trade, and every decision is still counted.
 */
class CompactKeepsEveryTradeAuditableIT {

    /** Entry orders whose ENTER decision (which names the order's client id) is gone. */
    static final String ENTRIES_WITHOUT_DECISION = "SELECT o.client_order_id FROM orders o WHERE o.purpose = 'ENTRY'"
            + " AND NOT EXISTS (SELECT 1 FROM trade_decisions d WHERE d.decision = 'ENTER'"
            + " AND json_extract(d.payload, '$.clientOrderId') = o.client_order_id)";
    /** Fills whose trade (the position's entry order, or the entry order itself) has no ENTER decision. */
    static final String FILLS_WITHOUT_DECISION = "SELECT f.exchange_fill_id FROM fills f JOIN orders o ON o.id = f.order_id"
            + " WHERE NOT EXISTS (SELECT 1 FROM orders e JOIN trade_decisions d ON d.decision = 'ENTER'"
            + " AND json_extract(d.payload, '$.clientOrderId') = e.client_order_id WHERE e.purpose = 'ENTRY'"
            + " AND (e.id = o.id OR e.position_id = o.position_id))";

    @TempDir
    Path dir;

    @Test
    void everyOrderAndFillKeepsItsDecisionAfterCompaction() throws Exception {
        Path config = dir.resolve("fast.conf");
        Files.writeString(config, "bot.scan-interval = 100ms\nstrategy.lookback = 3\npaper.feed.tick-interval = 20ms\n");
        Map<String, String> env = new HashMap<>(TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX,
                "TRADEVAULT_CONFIG", config.toString()));
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());
        // the bot trades as if it were 100 days ago: all it writes is older than the 90 days kept in detail
        Clock longAgo = Clock.offset(Clock.systemUTC(), Duration.ofDays(-100));
        CliRun run = CliRun.of(env, longAgo, "run", "--for", "8s");
        assertEquals(0, run.exitCode(), run.err());
        long decisions = number(env, "SELECT count(*) FROM trade_decisions");
        long enterExit = number(env, "SELECT count(*) FROM trade_decisions WHERE decision IN ('ENTER', 'EXIT')");
        assertTrue(number(env, "SELECT count(*) FROM fills") > 0, "the bot traded: " + run.out());
        assertEquals(List.of(), strings(env, FILLS_WITHOUT_DECISION), "before compaction");

        assertEquals(0, CliRun.of(env, "backup").exitCode());
        CliRun compact = CliRun.of(env, "db", "compact");

        assertEquals(0, compact.exitCode(), compact.err());
        assertTrue(number(env, "SELECT count(*) FROM trade_decisions") < decisions, compact.out());
        assertEquals(decisions, number(env, "SELECT (SELECT sum(folded_count) FROM trade_decisions)"
                + " + (SELECT coalesce(sum(decisions), 0) FROM decision_packs)"), "every decision counted");
        assertEquals(enterExit, number(env, "SELECT count(*) FROM trade_decisions WHERE decision IN ('ENTER', 'EXIT')"));
        assertEquals(List.of(), strings(env, ENTRIES_WITHOUT_DECISION));
        assertEquals(List.of(), strings(env, FILLS_WITHOUT_DECISION));
        assertEquals(0, number(env, "SELECT count(*) FROM trade_decisions WHERE decision IN ('ENTER', 'EXIT')"
                + " AND folded_count > 1"), "entries and exits stand for themselves");
    }

    private static long number(Map<String, String> env, String sql) throws Exception {
        return Long.parseLong(strings(env, sql).get(0));
    }

    private static List<String> strings(Map<String, String> env, String sql) throws Exception {
        try (Database db = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env)).openExisting()) {
            return db.read(c -> {
                List<String> rows = new ArrayList<>();
                try (ResultSet r = c.createStatement().executeQuery(sql)) {
                    while (r.next()) {
                        rows.add(r.getString(1));
                    }
                }
                return rows;
            });
        }
    }
}
