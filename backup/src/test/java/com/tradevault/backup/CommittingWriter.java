package com.tradevault.backup;

import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stands in for the bot in its own process: holds the instance lock and
 * commits one trade per transaction as fast as it can (or every
 * {@code pauseMillis}), until {@code stopFile} appears; then writes
 * "start-nanos latency-nanos" per commit to {@code latencyFile}. Ledger and
 * key come from the environment, as for the bot.
 */
public final class CommittingWriter {

    /** One trade (position, order, fill, decision, audit row) with the given id; public for bench/backup. */
    public static void addTrade(java.sql.Connection c, long id) throws java.sql.SQLException {
        LedgerFixture.addTrade(c, id);
    }

    public static void main(String[] args) throws Exception {
        Path stopFile = Path.of(args[0]);
        Path latencyFile = Path.of(args[1]);
        long pauseMillis = args.length > 2 ? Long.parseLong(args[2]) : 0;
        var config = new ConfigLoader(System.getenv(), ConfigLoader.DATABASE_OVERRIDES).load(Optional.empty());
        OpeningDatabases opening = new OpeningDatabases(DbSettings.from(config), new KeyResolver(System.getenv()));
        List<long[]> latencies = new ArrayList<>();
        try (Database db = opening.openExisting(); InstanceLock lock = db.dialect().lockForWriting(db)) {
            long id = db.transaction(c -> {
                try (var s = c.createStatement(); var r = s.executeQuery("SELECT coalesce(max(id), 0) FROM orders")) {
                    r.next();
                    return r.getLong(1);
                }
            });
            System.out.println("ready");
            System.out.flush();
            while (!Files.exists(stopFile)) {
                long next = ++id;
                long start = System.nanoTime();
                db.transaction(c -> {
                    addTrade(c, next);
                    return null;
                });
                latencies.add(new long[] {start, System.nanoTime() - start});
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(latencyFile))) {
            for (long[] l : latencies) {
                out.println(l[0] + " " + l[1]);
            }
        }
    }
}
