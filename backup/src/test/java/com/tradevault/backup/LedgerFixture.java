package com.tradevault.backup;

import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SchemaMigrations;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A real encrypted ledger in a temp dir, with trades in it, and the backup wiring the command line would build. */
final class LedgerFixture {

    static final Instant T0 = Instant.parse("2026-11-21T07:41:00Z");

    final Path dir;
    final Map<String, String> env;
    final DbSettings db;
    final BackupSettings backup;
    final OpeningDatabases opening;
    final BackupKeys keys;

    private LedgerFixture(Path dir, Map<String, String> env, Config config) {
        this.dir = dir;
        this.env = env;
        this.db = DbSettings.from(config);
        this.backup = BackupSettings.from(config, db);
        this.opening = new OpeningDatabases(db, new KeyResolver(env));
        this.keys = new BackupKeys(backup, new KeyResolver(env), env);
    }

    /** A fresh, migrated ledger; {@code configLines} go into a config file. */
    static LedgerFixture create(Path dir, String... configLines) throws IOException {
        return create(dir, new HashMap<>(TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX)), configLines);
    }

    /** A fresh, migrated ledger for the environment {@code env}. */
    static LedgerFixture create(Path dir, Map<String, String> env, String... configLines) throws IOException {
        LedgerFixture f = withEnv(dir, env, configLines);
        try (Database d = f.opening.openOrCreate().database()) {
            new SchemaMigrations(d).migrate();
        }
        return f;
    }

    static LedgerFixture withEnv(Path dir, Map<String, String> env, String... configLines) throws IOException {
        Path configFile = dir.resolve("tradevault.conf");
        Files.writeString(configFile, String.join("\n", configLines));
        Map<String, String> overrides = new HashMap<>(ConfigLoader.DATABASE_OVERRIDES);
        overrides.putAll(BackupSettings.ENV_OVERRIDES);
        Config config = new ConfigLoader(env, overrides).load(Optional.of(configFile));
        return new LedgerFixture(dir, env, config);
    }

    Path ledger() {
        return opening.dialect().file().orElseThrow();
    }

    TakingBackups taking() {
        return new TakingBackups(opening, backup, keys, Clock.fixed(T0, ZoneOffset.UTC), "test");
    }

    TakingBackups taking(Clock clock) {
        return new TakingBackups(opening, backup, keys, clock, "test");
    }

    /** Adds {@code n} complete trades: an open position, its filled entry order and the fill. */
    void addTrades(int n) throws SQLException {
        try (Database d = opening.openExisting()) {
            d.transaction(c -> {
                for (int i = 0; i < n; i++) {
                    addTrade(c, nextId(c));
                }
                return null;
            });
        }
    }

    private static long nextId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM orders")) {
            r.next();
            return r.getLong(1);
        }
    }

    static void addTrade(Connection c, long id) throws SQLException {
        String t = "2026-11-21T07:41:00.123456Z";
        long qty = 150_000_000L + id;
        exec(c, "INSERT INTO positions (id, symbol, status, quantity_e8, entry_price_e8, highest_price_e8, stop_price_e8,"
                + " trail_kind, trail_e8, realized_pnl_e8, opened_at, closed_at, updated_at) VALUES (?, ?, 'CLOSED', ?,"
                + " 4200000000000, 4300000000000, 4100000000000, 'PERCENT', 300000000, -1234, ?, ?, ?)",
                id, "S" + id + "USDT", qty, t, t, t);
        exec(c, "INSERT INTO orders (id, client_order_id, exchange_order_id, position_id, symbol, side, type, purpose,"
                + " quantity_e8, executed_qty_e8, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'BUY', 'MARKET',"
                + " 'ENTRY', ?, ?, 'FILLED', ?, ?)", id, "tv-" + id, "x" + id, id, "S" + id + "USDT", qty, qty, t, t);
        exec(c, "INSERT INTO fills (exchange_fill_id, order_id, price_e8, quantity_e8, fee_e8, fee_asset, filled_at)"
                + " VALUES (?, ?, 4200000000000, ?, 12, 'USDT', ?)", "S" + id + "USDT:" + id, id, qty, t);
        exec(c, "INSERT INTO trade_decisions (symbol, decided_at, decision, payload) VALUES (?, ?, 'ENTER', ?)",
                "S" + id + "USDT", t, "{\"score\": " + id + ", \"note\": \"caf\u00e9\"}");
        exec(c, "INSERT INTO audit_log (event_type, data, created_at) VALUES ('fill', ?, ?)", "{\"id\": " + id + "}", t);
    }

    static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    /** Every row of every table, in id order, for row-by-row comparison. */
    /** How many rows the ledger's own tables hold, the migration history left out. */
    long ledgerRows() throws SQLException {
        return rows().entrySet().stream().filter(t -> !t.getKey().equals("flyway_schema_history"))
                .mapToLong(t -> t.getValue().size()).sum();
    }

    Map<String, List<List<Object>>> rows() throws SQLException {
        try (Database d = opening.openExisting(); Connection c = d.connect()) {
            return rows(c);
        }
    }

    /** Every table the catalog has (none listed by hand, so that one a migration adds is compared too). */
    static Map<String, List<List<Object>>> rows(Connection c) throws SQLException {
        Map<String, List<List<Object>>> all = new TreeMap<>();
        for (String table : com.tradevault.core.db.RowCounts.of(c).keySet()) {
            List<List<Object>> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(r.getObject(i));
                    }
                    rows.add(row);
                }
            }
            all.put(table, rows);
        }
        return all;
    }

    /**
     * Commits one trade per transaction until {@code stop}, checkpointing after almost every commit
     * (the log is backfilled and restarted all the time); counts in {@code committed}. A
     * millisecond passes between commits, as between any real writer's (the bot commits a few
     * times a second at most): SQLite's lock is not fair, and a writer that takes it again within
     * microseconds on a slow disk keeps the replicator from ever taking it.
     */
    static void commitUntilStopped(LedgerFixture f, AtomicBoolean stop,
                                   AtomicLong committed,
                                   AtomicReference<Throwable> failed) {
        commitUntilStopped(f, stop, committed, failed, new AtomicLong());
    }

    /** As above, keeping the slowest commit's time (nanoseconds) in {@code slowest}. */
    static void commitUntilStopped(LedgerFixture f, AtomicBoolean stop, AtomicLong committed,
                                   AtomicReference<Throwable> failed, AtomicLong slowest) {
        try (Database db = f.opening.openExisting()) {
            db.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA wal_autocheckpoint = 4");
                }
                return null;
            });
            while (!stop.get()) {
                long id = committed.get() + 1;
                long start = System.nanoTime();
                db.transaction(c -> {
                    addTrade(c, id);
                    return null;
                });
                slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
                committed.set(id);
                Thread.sleep(1);
            }
        } catch (Throwable e) {
            failed.set(e);
        }
    }
}
