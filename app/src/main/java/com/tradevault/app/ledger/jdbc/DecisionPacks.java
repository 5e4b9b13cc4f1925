package com.tradevault.app.ledger.jdbc;

import com.tradevault.app.ledger.Folded;
import com.tradevault.app.ledger.LedgerFailure;
import com.tradevault.app.ledger.LedgerSession.DecisionFilter;
import com.tradevault.app.ledger.jdbc.Statements.At;
import com.tradevault.app.trading.Decision;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Decision packs (schema v10): SKIP or HOLD decisions of one symbol, moved
 * out of {@code trade_decisions} together, compressed, losslessly. A row there
 * costs about 230 bytes a decision, a pack about 20, because a scan's inputs
 * change little from one second to the next. Packing takes only rows the
 * caller says are safe (already in a verified backup or replica), never an
 * ENTER, an EXIT, a folded row or the newest row (whose id SQLite would hand
 * out again). Readers see a packed decision exactly as they saw its row;
 * folding unpacks a pack back into rows before it walks them. The same SQL on
 * both backends. The body's format is in the migration {@code V10__decision_packs.sql}.
 */
final class DecisionPacks {

    /** Where packing stopped: the highest id it has looked at. */
    static final String CURSOR = "retention:trade_decisions:packed-through";
    /** The packs' rows are read this many at a time, newest first, until a listing is full. */
    private static final int PAGE = 16;

    /** A decision with its id, as a row or a pack holds it; the payload is its stored JSON text. */
    record Packed(long id, String symbol, Instant decidedAt, String kind, String skipReason, String payload) {

        Decision decision() {
            return new Decision(symbol, decidedAt, Decision.Kind.valueOf(kind), Optional.ofNullable(skipReason),
                    Json.read(payload));
        }

        boolean packable() {
            return kind.equals("SKIP") || kind.equals("HOLD");
        }
    }

    /** A pack's place: the lowest id it holds and the earliest time. */
    record Wall(long packId, long firstId, Instant decidedFrom) {
    }

    private final Statements sql;

    DecisionPacks(Statements sql) {
        this.sql = sql;
    }

    /**
     * Packs the next batch of at most {@code limit} rows decided before {@code before},
     * from where the previous batch (or folding, whichever is further) stopped: one pack
     * per symbol and kind of the SKIP and HOLD rows among them (a listing filtered by kind
     * then passes over the packs of the other kind unread).
     */
    Folded pack(Instant before, int limit, Instant now) {
        KeyValues kv = new KeyValues(sql);
        long cursor = Math.max(number(kv, CURSOR), number(kv, FoldingRows.DECISIONS.cursorKey()));
        List<Folding> rows = sql.list("SELECT id, symbol, decided_at, decision, skip_reason, payload, folded_count"
                + " FROM trade_decisions WHERE id > ? ORDER BY id LIMIT ?", this::folding, cursor, limit);
        long newest = sql.one("SELECT max(id) FROM trade_decisions", r -> r.getLong(1)).orElse(0L);
        Map<List<String>, List<Packed>> bySymbolAndKind = new LinkedHashMap<>();
        boolean done = rows.size() < limit;
        int read = 0;
        for (Folding r : rows) {
            if (!r.row().decidedAt().isBefore(before) || r.row().id() == newest) {
                done = true;
                break;
            }
            if (r.row().packable() && r.count() == 1) {
                bySymbolAndKind.computeIfAbsent(List.of(r.row().symbol(), r.row().kind()), k -> new ArrayList<>())
                        .add(r.row());
            }
            cursor = r.row().id();
            read++;
        }
        int packed = 0;
        for (List<Packed> decisions : bySymbolAndKind.values()) {
            write(decisions);
            packed += decisions.size();
        }
        kv.put(CURSOR, Long.toString(cursor), now);
        return new Folded(read, packed, done);
    }

    /** Writes one symbol's decisions of one kind as a pack and removes their rows, checking that exactly those went. */
    private void write(List<Packed> decisions) {
        Packed first = decisions.get(0);
        Packed last = decisions.get(decisions.size() - 1);
        Instant from = decisions.stream().map(Packed::decidedAt).min(Instant::compareTo).orElseThrow();
        Instant until = decisions.stream().map(Packed::decidedAt).max(Instant::compareTo).orElseThrow();
        sql.insert("INSERT INTO decision_packs (symbol, decision, first_id, last_id, decided_from, decided_until,"
                        + " decisions, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", first.symbol(), first.kind(), first.id(),
                last.id(), new At(from), new At(until), decisions.size(), encode(decisions, from));
        int removed = sql.update("DELETE FROM trade_decisions WHERE symbol = ? AND decision = ? AND id BETWEEN ? AND ?"
                + " AND folded_count = 1", first.symbol(), first.kind(), first.id(), last.id());
        if (removed != decisions.size()) {
            throw new LedgerFailure("packing " + first.symbol() + " " + first.kind() + " decisions " + first.id()
                    + " to " + last.id() + " would remove " + removed + " rows for " + decisions.size()
                    + " packed; nothing was packed", null);
        }
    }

    /**
     * At least the newest {@code limit} packed decisions matching {@code filter} (or all there
     * are), from packs holding ids above {@code above} (ids at or below it cannot make the
     * listing), in no particular order.
     */
    List<Packed> newest(DecisionFilter filter, int limit, long above) {
        if (filter.kind().filter(k -> k == Decision.Kind.ENTER || k == Decision.Kind.EXIT).isPresent()) {
            return List.of();
        }
        List<Packed> found = new ArrayList<>();
        long below = Long.MAX_VALUE;
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE last_id > ? AND last_id < ?");
        filter.symbol().ifPresent(s -> {
            where.append(" AND symbol = ?");
            params.add(s);
        });
        filter.kind().ifPresent(k -> {
            where.append(" AND decision = ?");
            params.add(k.name());
        });
        filter.from().ifPresent(t -> {
            where.append(" AND decided_until >= ?");
            params.add(new At(t));
        });
        filter.to().ifPresent(t -> {
            where.append(" AND decided_from < ?");
            params.add(new At(t));
        });
        while (true) {
            List<Object> page = new ArrayList<>(List.of(above, below));
            page.addAll(params);
            page.add(PAGE);
            List<long[]> packs = sql.list("SELECT id, last_id FROM decision_packs" + where + " ORDER BY last_id DESC"
                    + " LIMIT ?", r -> new long[] {r.getLong(1), r.getLong(2)}, page.toArray());
            for (long[] pack : packs) {
                // packs of two symbols interleave their ids: only decisions above this pack's last id beat it
                long lastId = pack[1];
                if (found.stream().filter(d -> d.id() > lastId).count() >= limit) {
                    return found;
                }
                List<Packed> in = unpack(pack[0]);
                for (int i = in.size() - 1; i >= 0; i--) {
                    if (matches(in.get(i), filter)) {
                        found.add(in.get(i));
                    }
                }
                below = lastId;
            }
            if (packs.size() < PAGE) {
                break;
            }
        }
        return found;
    }

    private static boolean matches(Packed d, DecisionFilter f) {
        return f.kind().map(k -> k.name().equals(d.kind())).orElse(true)
                && f.from().map(t -> !d.decidedAt().isBefore(t)).orElse(true)
                && f.to().map(t -> d.decidedAt().isBefore(t)).orElse(true);
    }

    /** The pack holding the lowest ids, where folding's walk must stop and unpack. */
    Optional<Wall> lowest() {
        return sql.one("SELECT id, first_id, decided_from FROM decision_packs ORDER BY first_id LIMIT 1",
                r -> new Wall(r.getLong("id"), r.getLong("first_id"), sql.instant(r, "decided_from")));
    }

    /** Puts a pack's decisions back as rows, with their ids, and removes the pack. */
    void unpackIntoRows(Wall wall) {
        List<Object[]> rows = unpack(wall.packId()).stream().map(d -> new Object[] {d.id(), d.symbol(),
                new At(d.decidedAt()), d.kind(), d.skipReason(), d.payload()}).toList();
        sql.batch("INSERT INTO trade_decisions (id, symbol, decided_at, decision, skip_reason, payload)"
                + " VALUES (?, ?, ?, ?, ?, " + sql.binding().jsonPlaceholder() + ")", rows);
        sql.update("DELETE FROM decision_packs WHERE id = ?", wall.packId());
    }

    private List<Packed> unpack(long packId) {
        try {
            return sql.one("SELECT symbol, first_id, decided_from, decisions, body FROM decision_packs WHERE id = ?",
                            r -> new PackRow(r.getString("symbol"), r.getLong("first_id"), sql.instant(r, "decided_from"),
                                    r.getInt("decisions"), r.getString("body")), packId)
                    .orElseThrow(() -> new LedgerFailure("decision pack " + packId + " is gone", null)).decode(packId);
        } catch (Damaged e) {
            throw new LedgerFailure(e.getMessage() + "; run 'tradevault integrity', and restore the newest verified"
                    + " backup if it fails", e);
        }
    }

    /** A pack as stored, before its body is read. */
    private record PackRow(String symbol, long firstId, Instant from, int count, String body) {

        List<Packed> decode(long packId) throws Damaged {
            return DecisionPacks.decode(symbol, firstId, from, count, body, packId);
        }
    }

    /** A pack whose body does not hold what its row says. */
    static final class Damaged extends Exception {

        Damaged(long packId, String what) {
            super("decision pack " + packId + " is damaged: " + what);
        }
    }

    /**
     * For {@code tradevault integrity}: every pack whose body does not inflate to the
     * decisions its row says (count, first and last id, kind), one line each.
     */
    static List<String> problems(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, symbol, decision, first_id,"
                + " last_id, decisions, body FROM decision_packs ORDER BY id")) {
            while (r.next()) {
                long id = r.getLong("id");
                try {
                    // the times are checked by their CHECKs; here the ids and kinds, relative to no time at all
                    List<Packed> in = decode(r.getString("symbol"), r.getLong("first_id"), Instant.EPOCH,
                            r.getInt("decisions"), r.getString("body"), id);
                    String kind = r.getString("decision");
                    if (in.get(in.size() - 1).id() != r.getLong("last_id")
                            || in.stream().anyMatch(d -> !d.kind().equals(kind))) {
                        out.add("decision pack " + id + " holds ids " + in.get(0).id() + " to " + in.get(in.size() - 1)
                                .id() + " of " + in.stream().map(Packed::kind).distinct().toList() + " where its row says "
                                + r.getLong("first_id") + " to " + r.getLong("last_id") + " of " + kind);
                    }
                } catch (Damaged e) {
                    out.add(e.getMessage());
                }
            }
        }
        return out;
    }

    /** The lines of the body (V10__decision_packs.sql), deflated, in base64. */
    static String encode(List<Packed> decisions, Instant from) {
        StringBuilder lines = new StringBuilder();
        long id = decisions.get(0).id();
        long micros = micros(from);
        for (Packed d : decisions) {
            long at = micros(d.decidedAt());
            // raw tabs and line feeds in JSON text are only whitespace between tokens: a space means the same
            lines.append(d.id() - id).append('\t').append(at - micros).append('\t').append(d.kind()).append('\t')
                    .append(d.skipReason() == null ? "" : d.skipReason()).append('\t')
                    .append(d.payload().replace('\t', ' ').replace('\n', ' ').replace('\r', ' ')).append('\n');
            id = d.id();
            micros = at;
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(lines.toString().getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    static List<Packed> decode(String symbol, long firstId, Instant from, int count, String body, long packId)
            throws Damaged {
        String text = inflate(body, packId);
        List<Packed> out = new ArrayList<>(count);
        long id = firstId;
        long micros = micros(from);
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            String[] f = text.substring(at, end < 0 ? text.length() : end).split("\t", 5);
            if (end < 0 || f.length != 5) {
                throw new Damaged(packId, "line " + (out.size() + 1) + " is not 5 fields ending in a line feed");
            }
            try {
                id += Long.parseLong(f[0]);
                micros += Long.parseLong(f[1]);
            } catch (NumberFormatException e) {
                throw new Damaged(packId, "line " + (out.size() + 1) + " has no id and time differences");
            }
            out.add(new Packed(id, symbol, Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1000L), f[2], f[3].isEmpty() ? null : f[3], f[4]));
            at = end + 1;
        }
        if (out.size() != count) {
            throw new Damaged(packId, "it holds " + out.size() + " decisions where its row says " + count);
        }
        return out;
    }

    private static String inflate(String body, long packId) throws Damaged {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(Base64.getDecoder().decode(body));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new Damaged(packId, "its body ends before its last decision");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new Damaged(packId, "its body is not base64 of DEFLATE data (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    private static long micros(Instant t) {
        return Math.multiplyExact(t.getEpochSecond(), 1_000_000L) + t.getNano() / 1000;
    }

    private static long number(KeyValues kv, String key) {
        return kv.value(key).map(Long::parseLong).orElse(0L);
    }

    /** A row as packing reads it: the decision and its folded count. */
    private record Folding(Packed row, long count) {
    }

    private Folding folding(ResultSet r) throws SQLException {
        return new Folding(packed(r), r.getLong("folded_count"));
    }

    /** A decision row of {@code trade_decisions} with its id. */
    Packed packed(ResultSet r) throws SQLException {
        return new Packed(r.getLong("id"), r.getString("symbol"), sql.instant(r, "decided_at"),
                r.getString("decision"), r.getString("skip_reason"), r.getString("payload"));
    }
}
