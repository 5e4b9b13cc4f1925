import com.tradevault.app.cli.Cli;
import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;

/**
 * Builds an aged ledger through the real schema ('tradevault setup-db', then plain INSERTs into its
 * tables, one day per transaction): DAYS days ending now, at the defaults: one BTCUSDT decision a
 * second (SKIP no-breakout while flat, ENTER, HOLD every second of a position, EXIT), TRADES trades
 * a day, each an entry market order and its fill, a stop-limit moved REPLACES times (each move a
 * cancelled stop and a new one) and the last stop filled; a reconciliation audit entry every minute.
 * Usage: java -cp CP YearLedger.java DATA_DIR DAYS TRADES_PER_DAY   (TRADEVAULT_DB_KEY in the env)
 */
public class YearLedger {

    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    static final int REPLACES = 4;
    static final long HOLD_SECONDS = 20 * 60;

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int days = Integer.parseInt(args[1]);
        int trades = Integer.parseInt(args[2]);
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("TRADEVAULT_DATA_DIR", data.toString());
        if (new Cli(env, Clock.systemUTC()).execute("setup-db") != 0) {
            throw new IllegalStateException("setup-db failed");
        }
        OpeningDatabases opening = new OpeningDatabases(DbSettings.from(new ConfigLoader(env,
                ConfigLoader.DATABASE_OVERRIDES).load(java.util.Optional.empty())), new KeyResolver(env));
        Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS);
        long t0 = System.nanoTime();
        try (Database db = opening.openExisting()) {
            Day day = new Day(trades);
            for (int d = days; d > 0; d--) {
                Instant start = end.minus(d, ChronoUnit.DAYS);
                db.transaction(c -> { day.write(c, start); return null; });
                if (d % 10 == 0) {
                    System.err.printf("%d days left, %.0f s%n", d, (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        System.out.printf("built %d days (%d trades a day) in %.0f s%n", days, trades, (System.nanoTime() - t0) / 1e9);
    }

    /** Writes one day; ids continue from day to day. */
    static final class Day {
        final int trades;
        final Random random = new Random(42);
        long position = 0, order = 0, fill = 0;
        double price = 30000;

        Day(int trades) {
            this.trades = trades;
        }

        void write(Connection c, Instant start) throws SQLException {
            try (PreparedStatement dec = c.prepareStatement("INSERT INTO trade_decisions (symbol, decided_at, decision,"
                    + " skip_reason, payload) VALUES ('BTCUSDT', ?, ?, ?, ?)");
                 PreparedStatement audit = c.prepareStatement("INSERT INTO audit_log (event_type, data, created_at)"
                         + " VALUES ('reconciliation', ?, ?)")) {
                long gap = 86_400 / trades;
                long nextEntry = random.nextInt((int) gap);
                long exitAt = -1;
                for (long s = 0; s < 86_400; s++) {
                    Instant at = start.plusSeconds(s).plusNanos(random.nextInt(1000) * 1000L);
                    price *= 1 + (random.nextGaussian() * 0.0002);
                    if (s == nextEntry) {
                        decision(dec, at, "ENTER", null, enter());
                        exitAt = s + HOLD_SECONDS / 2 + random.nextInt((int) HOLD_SECONDS);
                        trade(c, at, exitAt - s);
                        nextEntry += gap;
                    } else if (s == exitAt) {
                        decision(dec, at, "EXIT", null, exit());
                        exitAt = -1;
                    } else if (exitAt > 0) {
                        decision(dec, at, "HOLD", null, hold());
                    } else {
                        decision(dec, at, "SKIP", "no-breakout", skip());
                    }
                    if (s % 60 == 0) {
                        audit.setString(1, "{\"positions\":0,\"ordersChecked\":0,\"steps\":0,\"findings\":0,"
                                + "\"settled\":true,\"openPositionsAfter\":0,\"report\":[],\"entriesBlocked\":[]}");
                        audit.setString(2, TS.format(at));
                        audit.addBatch();
                    }
                    if (s % 5000 == 4999) {
                        dec.executeBatch();
                    }
                }
                dec.executeBatch();
                audit.executeBatch();
            }
        }

        void decision(PreparedStatement s, Instant at, String kind, String reason, String payload) throws SQLException {
            s.setString(1, TS.format(at));
            s.setString(2, kind);
            s.setString(3, reason);
            s.setString(4, payload);
            s.addBatch();
        }

        String p(double v) {
            return String.format(java.util.Locale.ROOT, "%.2f", v);
        }

        String skip() {
            return "{\"price\":" + p(price) + ",\"lookback\":10,\"breakoutMarginPercent\":0,\"rangeHigh\":"
                    + p(price * 1.0004) + ",\"rangeLow\":" + p(price * 0.9995) + ",\"entryLevel\":" + p(price * 1.0004) + "}";
        }

        String enter() {
            return skip().replace("}", ",\"quotePerTrade\":100,\"freeQuote\":9900,\"quantity\":0.00333,\"clientOrderId\":"
                    + "\"tv-" + (order + 1) + "\",\"orderState\":\"FILLED\"}");
        }

        String hold() {
            return "{\"price\":" + p(price) + ",\"positionId\":" + position + ",\"entryPrice\":" + p(price * 0.999)
                    + ",\"quantity\":0.00333,\"highest\":" + p(price * 1.001) + ",\"stopLevel\":" + p(price * 0.991)
                    + ",\"trail\":\"1%\",\"stopRaised\":false,\"unrealizedPnl\":0.0333}";
        }

        String exit() {
            return "{\"price\":" + p(price) + ",\"positionId\":" + position + ",\"exitBy\":\"STOP\",\"exitPrice\":"
                    + p(price) + ",\"entryPrice\":" + p(price * 0.999) + ",\"realizedPnl\":0.0333}";
        }

        /** One trade's position, orders and fills, written at its entry. */
        void trade(Connection c, Instant at, long holdSeconds) throws SQLException {
            position++;
            long e8 = (long) (price * 1e8);
            Instant closed = at.plusSeconds(holdSeconds);
            exec(c, "INSERT INTO positions (id, symbol, status, quantity_e8, entry_price_e8, highest_price_e8,"
                    + " stop_price_e8, trail_kind, trail_e8, realized_pnl_e8, opened_at, closed_at, updated_at) VALUES"
                    + " (?, 'BTCUSDT', 'CLOSED', 333000, ?, ?, ?, 'PERCENT', 100000000, 3330000, ?, ?, ?)",
                    position, e8, e8, e8 * 99 / 100, TS.format(at), TS.format(closed), TS.format(closed));
            fill(c, order(c, "MARKET", "ENTRY", "BUY", "FILLED", null, at), e8, at);
            for (int i = 0; i <= REPLACES; i++) {
                Instant placed = at.plusSeconds(holdSeconds * i / (REPLACES + 1) + 1);
                long stop = order(c, "STOP_LOSS_LIMIT", "STOP", "SELL", i == REPLACES ? "FILLED" : "CANCELED", e8, placed);
                if (i == REPLACES) {
                    fill(c, stop, e8 * 99 / 100, closed);
                }
            }
        }

        long order(Connection c, String type, String purpose, String side, String status, Long stopE8, Instant at)
                throws SQLException {
            long id = ++order;
            Long stop = stopE8 == null ? null : stopE8 * 99 / 100;
            Long limit = stopE8 == null ? null : stopE8 * 985 / 1000;
            exec(c, "INSERT INTO orders (id, client_order_id, exchange_order_id, position_id, symbol, side, type, purpose,"
                    + " quantity_e8, price_e8, stop_price_e8, executed_qty_e8, status, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, 'BTCUSDT', ?, ?, ?, 333000, ?, ?, ?, ?, ?, ?)", id, "tv-" + id, "BTCUSDT:" + id,
                    position, side, type, purpose, limit, stop, status.equals("FILLED") ? 333000L : 0L, status,
                    TS.format(at), TS.format(at));
            return id;
        }

        void fill(Connection c, long orderId, long e8, Instant at) throws SQLException {
            fill++;
            exec(c, "INSERT INTO fills (exchange_fill_id, order_id, price_e8, quantity_e8, fee_e8, fee_asset, filled_at)"
                    + " VALUES (?, ?, ?, 333000, 333, 'BTC', ?)", "BTCUSDT:" + fill, orderId, e8, TS.format(at));
        }

        static void exec(Connection c, String sql, Object... params) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                s.executeUpdate();
            }
        }
    }
}
