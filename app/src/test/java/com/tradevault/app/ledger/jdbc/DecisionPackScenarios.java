package com.tradevault.app.ledger.jdbc;

import static com.tradevault.app.ledger.jdbc.FoldingScenarios.LATER;
import static com.tradevault.app.ledger.jdbc.FoldingScenarios.T0;
import static com.tradevault.app.ledger.jdbc.FoldingScenarios.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.ledger.Folded;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerFailure;
import com.tradevault.app.ledger.LedgerSession.DecisionFilter;
import com.tradevault.app.trading.Decision;
import com.tradevault.core.db.Database;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Decision packs (schema v10) on a real ledger, the same on each backend. */
final class DecisionPackScenarios {

    private static final int[] LIMITS = {1000, 7, 1};

    private DecisionPackScenarios() {
    }

    /**
     * Two symbols, every kind, payloads with decimals, text with tabs and line feeds, and
     * the clock stepped back once: after packing in small batches every listing the
     * dashboard and report can ask for is the same, decision for decision, and only
     * ENTER, EXIT and the newest row are left as rows.
     */
    static void packsLosslesslyAndListsTheSame(Ledger ledger, Database db) throws Exception {
        List<Decision> written = trading(ledger, 400);
        List<DecisionFilter> filters = filters();
        List<List<Decision>> before = listings(ledger, filters);
        Optional<Decision> last = ledger.read(s -> s.lastDecision());

        int packed = packAll(ledger, LATER, 37);

        assertSameListings(before, listings(ledger, filters), filters);
        assertEquals(last, ledger.read(s -> s.lastDecision()));
        assertEquals(written.size(), before.get(0).size(), "the whole listing holds every decision");
        long enterOrExit = written.stream().filter(d -> d.kind() == Decision.Kind.ENTER
                || d.kind() == Decision.Kind.EXIT).count();
        assertEquals(written.size() - enterOrExit - 1, packed, "all but ENTER, EXIT and the newest are packed");
        assertEquals(enterOrExit + 1, count(db, "SELECT count(*) FROM trade_decisions"));
        assertEquals(List.of(), violations(db), "the packs hold what their rows say, and nothing is doubled");
        assertTrue(count(db, "SELECT count(*) FROM decision_packs") > 2 * 799 / 37, "a pack per symbol and batch");
    }

    /**
     * Folding reaches packed decisions: it unpacks them and folds exactly as it folds
     * rows that were never packed, across packs that split the runs.
     */
    static void foldingUnpacksAndFoldsAsIfNeverPacked(Ledger ledger, Database db) throws Exception {
        FoldingScenarios.foldsRunsWithExactCountsAndSpansAcrossBatchesAfter(ledger, db,
                () -> packAll(ledger, LATER, 4));
        assertEquals(0, count(db, "SELECT count(*) FROM decision_packs"), "every pack was older than the horizon");
    }

    /**
     * Packing goes no further than its horizon, resumes where it stopped, and folding
     * later unpacks only the packs that reach back past its own horizon.
     */
    static void packsUpToItsHorizonAndFoldingUnpacksOnlyWhatItFolds(Ledger ledger, Database db) throws Exception {
        for (int i = 0; i < 40; i++) {
            FoldingScenarios.decide(ledger, "BTCUSDT", i, i < 20 ? "HOLD" : "S:no-breakout");
        }
        List<List<Decision>> before = listings(ledger, filters());

        assertEquals(9, packAll(ledger, T0.plusSeconds(9), 5), "the horizon is exclusive: seconds 0 to 8");
        assertEquals(List.of("BTCUSDT 0 4 5", "BTCUSDT 5 8 4"), packs(db), "a pack per batch");
        assertEquals(30, packAll(ledger, LATER, 5), "the rest but the newest, from where it stopped");
        assertSameListings(before, listings(ledger, filters()), filters());

        Folded folded;
        do {
            folded = ledger.transaction(s -> s.foldDecisions(T0.plusSeconds(10), 5, LATER));
        } while (!folded.done());
        assertEquals(List.of("BTCUSDT HOLD null x10 " + at(0) + ".." + at(9)), FoldingScenarios.decisions(db).subList(0, 1));
        assertTrue(packs(db).stream().noneMatch(p -> p.startsWith("BTCUSDT 0 ")), "the first pack was unpacked");
        assertEquals(List.of(T0.plusSeconds(39), T0.plusSeconds(38)), ledger.read(s -> s.decisions(
                DecisionFilter.ALL, 2)).stream().map(Decision::decidedAt).toList(), "the newest, from row and pack");
    }

    /**
     * A damaged pack is named, with what to do, and not read as fewer decisions; a listing of
     * the other kind passes over it unread (a pack holds one kind).
     */
    static void aDamagedPackIsNamedNotMisread(Ledger ledger, Database db) throws Exception {
        for (int i = 0; i < 15; i++) {
            FoldingScenarios.decide(ledger, "BTCUSDT", i, i < 10 ? "HOLD" : "S:no-breakout");
        }
        packAll(ledger, LATER, 100);
        assertEquals(List.of("BTCUSDT 0 9 10", "BTCUSDT 10 13 4"), packs(db), "a pack per kind");
        long pack = count(db, "SELECT min(id) FROM decision_packs WHERE decision = 'HOLD'");
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE decision_packs SET body = 'AAAA' WHERE id = ?")) {
                s.setLong(1, pack);
                return s.executeUpdate();
            }
        });
        DecisionFilter skips = new DecisionFilter(Optional.empty(), Optional.of(Decision.Kind.SKIP), Optional.empty(),
                Optional.empty());
        assertEquals(FoldingScenarios.seconds(14, 13, 12, 11, 10), ledger.read(s -> s.decisions(skips, 100)).stream()
                .map(Decision::decidedAt).toList(), "the damaged HOLD pack is not read for SKIPs");
        LedgerFailure e = assertThrows(LedgerFailure.class,
                () -> ledger.read(s -> s.decisions(DecisionFilter.ALL, 100)));
        assertEquals("decision pack " + pack + " is damaged: its body ends before its last decision; run"
                + " 'tradevault integrity', and restore the newest verified backup if it fails", e.getMessage());
        assertEquals(List.of("every decision pack holds the decisions its row says: decision pack " + pack
                + " is damaged: its body ends before its last decision"), violations(db), "integrity names it");

        long skipPack = count(db, "SELECT id FROM decision_packs WHERE decision = 'SKIP'");
        db.transaction(c -> c.createStatement().executeUpdate("INSERT INTO trade_decisions (id, symbol, decided_at,"
                + " decision, skip_reason, payload) SELECT 12, 'BTCUSDT', decided_at, 'SKIP', 'no-breakout', payload"
                + " FROM trade_decisions WHERE id = 15"));
        assertEquals("no decision is both packed and a row: decision 12 (BTCUSDT SKIP) is a row and also in decision"
                + " pack " + skipPack, violations(db).get(1));
    }

    /** What {@code tradevault integrity} finds by the ledger's own rules, a line per violation. */
    private static List<String> violations(Database db) throws Exception {
        return db.read(c -> new LedgerInvariants().check(c)).stream().flatMap(f -> f.violations().stream()
                .map(v -> f.rule() + ": " + v)).toList();
    }

    static int packAll(Ledger ledger, Instant before, int limit) {
        int packed = 0;
        Folded f;
        do {
            f = ledger.transaction(s -> s.packDecisions(before, limit, LATER));
            packed += f.removed();
        } while (!f.done());
        return packed;
    }

    /** A bot's day in miniature: BTC and ETH each second, positions opened and closed, varied payloads. */
    private static List<Decision> trading(Ledger ledger, int seconds) {
        Random random = new Random(7);
        List<Decision> written = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            for (String symbol : List.of("BTCUSDT", "ETHUSDT")) {
                if (symbol.equals("ETHUSDT") && i == seconds - 1) {
                    continue;
                }
                // the clock steps back 3 s once, as after an NTP correction
                Instant at = T0.plusSeconds(i > 200 && i < 204 ? i - 3 : i).plusNanos(random.nextInt(1000) * 1000L);
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("price", new BigDecimal("30000.00").add(BigDecimal.valueOf(random.nextInt(5000), 2)));
                p.put("lookback", 10);
                p.put("note", i % 50 == 0 ? "tab\there,\nline feed" : "plain");
                int phase = i % 40;
                Decision d = phase == 10 ? Decision.of(symbol, at, Decision.Kind.ENTER, p)
                        : phase == 30 ? Decision.of(symbol, at, Decision.Kind.EXIT, p)
                        : phase > 10 && phase < 30 ? Decision.of(symbol, at, Decision.Kind.HOLD, p)
                        : Decision.skip(symbol, at, phase % 3 == 0 ? "warming-up" : "no-breakout", p);
                ledger.transaction(s -> {
                    s.insertDecision(d);
                    return null;
                });
                written.add(d);
            }
        }
        return written;
    }

    private static List<DecisionFilter> filters() {
        Optional<String> btc = Optional.of("BTCUSDT");
        return List.of(DecisionFilter.ALL,
                new DecisionFilter(btc, Optional.empty(), Optional.empty(), Optional.empty()),
                new DecisionFilter(Optional.of("ETHUSDT"), Optional.of(Decision.Kind.SKIP), Optional.empty(),
                        Optional.empty()),
                new DecisionFilter(Optional.empty(), Optional.of(Decision.Kind.HOLD), Optional.empty(), Optional.empty()),
                new DecisionFilter(Optional.empty(), Optional.of(Decision.Kind.ENTER), Optional.empty(),
                        Optional.empty()),
                new DecisionFilter(btc, Optional.empty(), Optional.of(T0.plusSeconds(50)), Optional.of(T0.plusSeconds(120))),
                new DecisionFilter(btc, Optional.empty(), Optional.of(T0.plusSeconds(195)), Optional.of(T0.plusSeconds(205))),
                new DecisionFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(T0.plusSeconds(7))));
    }

    /** Listing by listing, the first decision that differs, so that a failure says where and not all of it. */
    private static void assertSameListings(List<List<Decision>> expected, List<List<Decision>> actual,
                                           List<DecisionFilter> filters) {
        for (int i = 0; i < expected.size(); i++) {
            List<Decision> e = expected.get(i);
            List<Decision> a = actual.get(i);
            String which = filters.get(i / LIMITS.length) + " limit " + LIMITS[i % LIMITS.length];
            for (int k = 0; k < Math.min(e.size(), a.size()); k++) {
                assertEquals(e.get(k), a.get(k), which + ", decision " + k);
            }
            assertEquals(e.size(), a.size(), which + ": how many");
        }
    }

    private static List<List<Decision>> listings(Ledger ledger, List<DecisionFilter> filters) {
        List<List<Decision>> out = new ArrayList<>();
        for (DecisionFilter f : filters) {
            for (int limit : LIMITS) {
                out.add(ledger.read(s -> s.decisions(f, limit)));
            }
        }
        return out;
    }

    /** Each pack as "symbol, first and last id counted from 0 (a new ledger's first id is 1), decisions". */
    private static List<String> packs(Database db) throws Exception {
        long base = 1;
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT symbol, first_id, last_id, decisions"
                    + " FROM decision_packs ORDER BY first_id"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1) + " " + (r.getLong(2) - base) + " " + (r.getLong(3) - base) + " "
                            + r.getLong(4));
                }
            }
            return out;
        });
    }

    private static long count(Database db, String sql) throws Exception {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
