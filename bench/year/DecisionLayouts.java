import java.sql.*;
import java.util.*;
import java.time.*;
import java.time.format.DateTimeFormatter;

/**
 * One day of decisions at the defaults (YearLedger's sequence: one BTCUSDT scan a second, 24 trades held
 * 10 to 30 minutes) stored in several layouts, each in its own SQLCipher 4 file (4096-byte pages, the
 * same reserved bytes per page as the ledger); the bytes of the table and its index from dbstat.
 * Payloads are YearLedger's ("bench": range high, low and the highest price recomputed from every price)
 * and, second, as the bot writes them ("realistic": the range of the last 10 prices, the highest price
 * of a position only rising, the unrealized P&L from the entry).
 * A: schema v7 (text time, text symbol, decision and reason, JSON payload, (symbol, decided_at) index)
 * B: schema v8 (index on symbol, i.e. (symbol, rowid))   C: no index   D: C with the time as integer
 * microseconds   E: D with symbol and decision/reason as integer codes   F: E with a payload holding
 * only what differs from the symbol's previous decision of the same kind   G: F with an index on the
 * symbol code   H: F without the values derived from others (entry level, stop level, unrealized P&L)
 * I: H with the price in its own integer column (units of 1e-8) and no payload when nothing else changed.
 * Usage: java -cp CP DecisionLayouts.java OUT_DIR
 */
public class DecisionLayouts {
  static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  record Row(Instant at, String kind, String reason, LinkedHashMap<String,String> p) {}

  public static void main(String[] a) throws Exception {
    new java.io.File(a[0]).mkdirs();
    for (boolean realistic : new boolean[] {false, true}) {
      List<Row> rows = day(realistic);
      for (String layout : List.of("A", "B", "C", "D", "E", "F", "G", "H", "I")) {
        String f = a[0] + "/" + layout + (realistic ? "r" : "s") + ".db";
        new java.io.File(f).delete();
        try (Connection c = org.sqlite.mc.SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(new byte[32]).build().createConnection("jdbc:sqlite:" + f)) {
          write(c, layout, rows);
          long total = 0, tbl = 0, idx = 0;
          try (ResultSet r = c.createStatement().executeQuery("select name, sum(pgsize) from dbstat where name in ('d','di') group by name")) {
            while (r.next()) { if (r.getString(1).equals("d")) tbl = r.getLong(2); else idx = r.getLong(2); }
          }
          long plen = 0;
          try (ResultSet r = c.createStatement().executeQuery("select avg(length(payload)) from d")) { r.next(); plen = Math.round(r.getDouble(1)); }
          System.out.printf("%s %-10s table %,11d B  index %,10d B  = %,11d B/day  %5.1f B/row  avg payload %d B%n", layout,
              realistic ? "realistic" : "bench", tbl, idx, tbl + idx, (tbl + idx) / (double) rows.size(), plen);
        }
      }
    }
  }

  static void write(Connection c, String layout, List<Row> rows) throws SQLException {
    Statement s = c.createStatement();
    boolean intTime = layout.compareTo("D") >= 0, codes = layout.compareTo("E") >= 0, delta = layout.compareTo("F") >= 0;
    s.execute(codes ? "create table d (id integer primary key, symbol_id integer not null, decided_at integer not null, kind integer not null, payload text not null, folded_count integer not null default 1, folded_until integer)"
        : "create table d (id integer primary key, symbol text not null, decided_at " + (intTime ? "integer" : "text") + " not null, decision text not null, skip_reason text, payload text not null, folded_count integer not null default 1, folded_until text)");
    if (layout.equals("A")) s.execute("create index di on d (symbol, decided_at)");
    if (layout.equals("B")) s.execute("create index di on d (symbol)");
    if (layout.equals("G")) s.execute("create index di on d (symbol_id)");
    if (layout.equals("I")) s.execute("alter table d add column price_e8 integer");
    c.setAutoCommit(false);
    PreparedStatement ins = c.prepareStatement(codes ? (layout.equals("I") ? "insert into d (symbol_id, decided_at, kind, payload, price_e8) values (1, ?, ?, ?, ?)" : "insert into d (symbol_id, decided_at, kind, payload) values (1, ?, ?, ?)")
        : "insert into d (symbol, decided_at, decision, skip_reason, payload) values ('BTCUSDT', ?, ?, ?, ?)");
    Map<String,String> prev = Map.of(); String prevKind = "";
    for (Row r : rows) {
      long micros = r.at().getEpochSecond() * 1_000_000 + r.at().getNano() / 1000;
      int i = 1;
      if (intTime) ins.setLong(i++, micros); else ins.setString(i++, TS.format(r.at()));
      if (codes) ins.setInt(i++, switch (r.kind()) { case "SKIP" -> 1; case "HOLD" -> 2; case "ENTER" -> 3; default -> 4; });
      else { ins.setString(i++, r.kind()); ins.setString(i++, r.reason()); }
      Map<String,String> p = r.p();
      if (delta && r.kind().equals(prevKind)) {
        Map<String,String> changed = new LinkedHashMap<>();
        for (var e : p.entrySet()) if (!e.getValue().equals(prev.get(e.getKey()))) changed.put(e.getKey(), e.getValue());
        p = changed;
      }
      if (layout.compareTo("H") >= 0) { p = new LinkedHashMap<>(p); p.keySet().removeAll(Set.of("entryLevel", "stopLevel", "unrealizedPnl")); }
      if (layout.equals("I")) { ins.setLong(i + 1, Math.round(Double.parseDouble(r.p().get("price")) * 1e8)); p.remove("price"); }
      ins.setString(i, layout.equals("I") && p.isEmpty() ? "" : json(p));
      ins.addBatch();
      prev = r.p(); prevKind = r.kind();
    }
    ins.executeBatch();
    c.commit();
  }

  static String json(Map<String,String> p) {
    StringJoiner j = new StringJoiner(",", "{", "}");
    p.forEach((k, v) -> j.add("\"" + k + "\":" + v));
    return j.toString();
  }

  static String p(double v) { return String.format(Locale.ROOT, "%.2f", v); }

  static List<Row> day(boolean realistic) {
    Random random = new Random(42);
    List<Row> out = new ArrayList<>();
    Instant start = Instant.parse("2026-09-01T00:00:00Z");
    double price = 30000, entry = 0, highest = 0;
    Deque<Double> window = new ArrayDeque<>();
    int trades = 24; long gap = 86_400 / trades, nextEntry = random.nextInt((int) gap), exitAt = -1, position = 0;
    for (long s = 0; s < 86_400; s++) {
      Instant at = start.plusSeconds(s).plusNanos(random.nextInt(1000) * 1000L);
      price *= 1 + (random.nextGaussian() * 0.0002);
      price = Math.round(price * 100) / 100.0;
      double hi = realistic ? window.stream().mapToDouble(d -> d).max().orElse(price) : price * 1.0004;
      double lo = realistic ? window.stream().mapToDouble(d -> d).min().orElse(price) : price * 0.9995;
      LinkedHashMap<String,String> p = new LinkedHashMap<>();
      p.put("price", p(price));
      if (s == nextEntry || (exitAt < 0)) {
        p.put("lookback", "10"); p.put("breakoutMarginPercent", "0");
        p.put("rangeHigh", p(hi)); p.put("rangeLow", p(lo)); p.put("entryLevel", p(hi));
      }
      if (s == nextEntry) {
        position++; entry = price; highest = price;
        p.put("quotePerTrade", "100"); p.put("freeQuote", "9900"); p.put("quantity", "0.00333"); p.put("clientOrderId", "\"tv-" + position * 6 + "\""); p.put("orderState", "\"FILLED\"");
        out.add(new Row(at, "ENTER", null, p));
        exitAt = s + 600 + random.nextInt(1200); nextEntry += gap;
      } else if (s == exitAt) {
        p.put("positionId", "" + position); p.put("exitBy", "\"STOP\""); p.put("exitPrice", p(price)); p.put("entryPrice", p(entry)); p.put("realizedPnl", "0.0333");
        out.add(new Row(at, "EXIT", null, p)); exitAt = -1;
      } else if (exitAt > 0) {
        highest = realistic ? Math.max(highest, price) : price * 1.001;
        p.put("positionId", "" + position); p.put("entryPrice", p(realistic ? entry : price * 0.999)); p.put("quantity", "0.00333");
        p.put("highest", p(highest)); p.put("stopLevel", p(highest * 0.99)); p.put("trail", "\"1%\""); p.put("stopRaised", "false");
        p.put("unrealizedPnl", realistic ? new java.math.BigDecimal(price - entry).multiply(new java.math.BigDecimal("0.00333")).setScale(8, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() : "0.0333");
        out.add(new Row(at, "HOLD", null, p));
      } else {
        out.add(new Row(at, "SKIP", "no-breakout", p));
      }
      window.addLast(price); if (window.size() > 10) window.removeFirst();
    }
    return out;
  }
}
