package com.tradevault.app.ledger.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradevault.app.ledger.Folded;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.trading.Decision;
import com.tradevault.core.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/** Retention folding on a real ledger, the same on each backend. */
final class FoldingScenarios {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant LATER = Instant.parse("2026-06-01T00:00:00Z");

    private FoldingScenarios() {
    }

    /** BTC: 3 no-breakout, 2 warming-up, ENTER, 4 HOLD, EXIT, 2 no-breakout; ETH interleaved: 5 no-breakout. */
    static void foldsRunsWithExactCountsAndSpansAcrossBatches(Ledger ledger, Database db) throws Exception {
        int batches = foldsRunsWithExactCountsAndSpansAcrossBatchesAfter(ledger, db, () -> 0);
        assertEquals(6, batches, "18 rows, 3 a batch, the sixth stops at the newest");
    }

    /** The same, with {@code between} done between deciding and folding; the number of batches it took. */
    static int foldsRunsWithExactCountsAndSpansAcrossBatchesAfter(Ledger ledger, Database db,
                                                                 java.util.function.IntSupplier between)
            throws Exception {
        String[] btc = {"S:no-breakout", "S:no-breakout", "S:no-breakout", "S:warming-up", "S:warming-up", "ENTER",
                "HOLD", "HOLD", "HOLD", "HOLD", "EXIT", "S:no-breakout", "S:no-breakout"};
        for (int i = 0; i < btc.length; i++) {
            decide(ledger, "BTCUSDT", i, btc[i]);
            if (i < 5) {
                decide(ledger, "ETHUSDT", i, "S:no-breakout");
            }
        }
        between.getAsInt();
        int batches = foldAll(ledger, 3);

        assertEquals(List.of(
                "BTCUSDT SKIP no-breakout x3 " + at(0) + ".." + at(2),
                "ETHUSDT SKIP no-breakout x5 " + at(0) + ".." + at(4),
                "BTCUSDT SKIP warming-up x2 " + at(3) + ".." + at(4),
                "BTCUSDT ENTER null x1 " + at(5) + "..",
                "BTCUSDT HOLD null x4 " + at(6) + ".." + at(9),
                "BTCUSDT EXIT null x1 " + at(10) + "..",
                "BTCUSDT SKIP no-breakout x1 " + at(11) + "..",
                "BTCUSDT SKIP no-breakout x1 " + at(12) + ".."), decisions(db), "the newest row is never folded away");
        return batches;
    }

    /**
     * A run still going at the first compaction goes on at the next one, whose
     * rows came later (and got new ids: the newest row is never removed).
     */
    static void aRunGoesOnAcrossCompactions(Ledger ledger, Database db) throws Exception {
        for (int i = 0; i < 4; i++) {
            decide(ledger, "BTCUSDT", i, "HOLD");
        }
        foldAll(ledger, 100);
        for (int i = 4; i < 7; i++) {
            decide(ledger, "BTCUSDT", i, "HOLD");
        }
        decide(ledger, "BTCUSDT", 7, "EXIT");
        foldAll(ledger, 2);

        assertEquals(List.of("BTCUSDT HOLD null x7 " + at(0) + ".." + at(6), "BTCUSDT EXIT null x1 " + at(7) + ".."),
                decisions(db));
    }

    /** Rows at or after the horizon are neither folded nor read. */
    static void stopsAtTheHorizon(Ledger ledger, Database db) throws Exception {
        for (int i = 0; i < 6; i++) {
            decide(ledger, "BTCUSDT", i, "S:no-breakout");
        }
        Folded f = ledger.transaction(s -> s.foldDecisions(T0.plusSeconds(3), 100, LATER));

        assertEquals(new Folded(3, 2, true), f);
        assertEquals(List.of("BTCUSDT SKIP no-breakout x3 " + at(0) + ".." + at(2),
                "BTCUSDT SKIP no-breakout x1 " + at(3) + "..", "BTCUSDT SKIP no-breakout x1 " + at(4) + "..",
                "BTCUSDT SKIP no-breakout x1 " + at(5) + ".."), decisions(db));
    }

    /** Audit entries fold only into an identical entry of the same type before them. */
    static void foldsIdenticalAuditEntries(Ledger ledger, Database db) throws Exception {
        Map<String, Object> quiet = Map.of("settled", true, "steps", 0);
        ledger.transaction(s -> {
            s.audit("reconciliation", quiet, T0);
            s.audit("order-unknown-to-venue", Map.of("clientOrderId", "tv-1"), T0.plusSeconds(1));
            s.audit("reconciliation", quiet, T0.plusSeconds(2));
            s.audit("reconciliation", Map.of("settled", false, "steps", 1), T0.plusSeconds(3));
            s.audit("reconciliation", quiet, T0.plusSeconds(4));
            s.audit("reconciliation", quiet, T0.plusSeconds(5));
            return null;
        });
        Folded f;
        do {
            f = ledger.transaction(s -> s.foldAudit(LATER, 2, LATER));
        } while (!f.done());

        assertEquals(List.of("reconciliation x2 " + at(0) + ".." + at(2), "order-unknown-to-venue x1 " + at(1) + "..",
                "reconciliation x1 " + at(3) + "..", "reconciliation x1 " + at(4) + "..",
                "reconciliation x1 " + at(5) + ".."), audit(db), "a run ended by a different entry keeps its count");
    }

    static int foldAll(Ledger ledger, int limit) {
        int batches = 0;
        Folded f;
        do {
            f = ledger.transaction(s -> s.foldDecisions(LATER, limit, LATER));
            batches++;
        } while (!f.done());
        return batches;
    }

    /**
     * A window in the past is found by id (schema v8 has no index on the time) also where folding
     * left gaps in the ids: exactly its rows, newest first, the folded rows by their first time.
     */
    static void findsAWindowInThePastAcrossFoldedGaps(Ledger ledger) {
        for (int i = 0; i < 60; i++) {
            decide(ledger, "BTCUSDT", i, i < 30 ? "HOLD" : i % 2 == 0 ? "S:no-breakout" : "S:warming-up");
            decide(ledger, "ETHUSDT", i, "HOLD");
        }
        foldAll(ledger, 7);
        assertEquals(seconds(44, 43, 42, 41, 40), window(ledger, "BTCUSDT", 40, 45, 100));
        assertEquals(seconds(34, 33, 32), window(ledger, "BTCUSDT", 10, 35, 3));
        assertEquals(seconds(), window(ledger, "BTCUSDT", 5, 20, 100), "folded into the row of second 0");
        assertEquals(seconds(0), window(ledger, "BTCUSDT", 0, 20, 100));
        assertEquals(seconds(), window(ledger, "ETHUSDT", 10, 50, 100));
        assertEquals(seconds(59), window(ledger, "ETHUSDT", 1, 70, 100), "the newest row is never folded away");
    }

    static List<Instant> window(Ledger ledger, String symbol, int from, int to, int limit) {
        LedgerSession.DecisionFilter filter = new LedgerSession.DecisionFilter(Optional.of(symbol), Optional.empty(),
                Optional.of(T0.plusSeconds(from)), Optional.of(T0.plusSeconds(to)));
        return ledger.read(s -> s.decisions(filter, limit)).stream().map(Decision::decidedAt).toList();
    }

    static List<Instant> seconds(int... seconds) {
        return Arrays.stream(seconds).mapToObj(T0::plusSeconds).toList();
    }

    static void decide(Ledger ledger, String symbol, int second, String what) {
        Instant at = T0.plusSeconds(second);
        Decision d = what.startsWith("S:") ? Decision.skip(symbol, at, what.substring(2), Map.of("price", second))
                : Decision.of(symbol, at, Decision.Kind.valueOf(what), Map.of("price", second));
        ledger.transaction(s -> {
            s.insertDecision(d);
            return null;
        });
    }

    static String at(int second) {
        return T0.plusSeconds(second).toString();
    }

    static List<String> decisions(Database db) throws Exception {
        return rows(db, "SELECT symbol, decision, skip_reason, folded_count, decided_at, folded_until"
                + " FROM trade_decisions ORDER BY id", "decided_at");
    }

    static List<String> audit(Database db) throws Exception {
        return rows(db, "SELECT event_type, folded_count, created_at, folded_until FROM audit_log ORDER BY id",
                "created_at");
    }

    private static List<String> rows(Database db, String sql, String time) throws Exception {
        return db.read(c -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(line(db, r, time));
                }
            }
            return rows;
        });
    }

    private static String line(Database db, ResultSet r, String time) throws java.sql.SQLException {
        StringBuilder b = new StringBuilder(r.getString(1));
        if (time.equals("decided_at")) {
            b.append(' ').append(r.getString("decision")).append(' ').append(r.getString("skip_reason"));
        }
        b.append(" x").append(r.getLong("folded_count")).append(' ').append(db.dialect().values().getInstant(r, time))
                .append("..");
        if (r.getObject("folded_until") != null) {
            b.append(db.dialect().values().getInstant(r, "folded_until"));
        }
        return b.toString();
    }
}
