package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'tradevault db compact' as an operator runs it: exact output and exit codes. */
class DbCompactCommandTest {

    static final Instant NOW = Instant.parse("2026-11-21T07:41:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    Map<String, String> env;

    @BeforeEach
    void ledgerWithAHundredDaysOfSkips() throws Exception {
        env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        assertEquals(0, CliRun.of(env, CLOCK, "setup-db").exitCode());
        try (Database db = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env)).openExisting()) {
            db.transaction(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO trade_decisions (symbol, decided_at, decision,"
                        + " skip_reason, payload) VALUES ('BTCUSDT', ?, 'SKIP', 'no-breakout', '{}')")) {
                    for (int day = 100; day >= 0; day--) {
                        s.setString(1, NOW.minusSeconds(86_400L * day).toString().replace("Z", ".000000Z"));
                        s.executeUpdate();
                    }
                }
                return null;
            });
        }
    }

    @Test
    void compactRefusesWithoutAVerifiedBackup() {
        CliRun run = CliRun.of(env, CLOCK, "db", "compact");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: nothing was compacted: there is no verified backup in " + dir.resolve("data/backups")
                + ", and retention never folds rows that are not in one\n"
                + "next: take one with 'tradevault backup', then run 'tradevault db compact' again\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void compactFoldsWhatIsOlderThanTheDetailAndSaysWhatBoundedIt() throws Exception {
        assertEquals(0, CliRun.of(env, CLOCK, "backup").exitCode());

        CliRun run = CliRun.of(env, CLOCK, "db", "compact");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Compacted the ledger " + dir.resolve("data/tradevault.db") + ".\n"
                + "  bounded by: the verified backup tradevault-20261121T074100Z.tar.gpg (taken 2026-11-21T07:41:00Z)\n"
                + "  decisions:  rows decided before 2026-08-23T07:41:00Z: 10 read, 9 folded into the first row of"
                + " their run\n"
                + "  audit log:  rows written before 2026-08-23T07:41:00Z: 0 read, 0 folded into the first row of"
                + " their run\n"
                + "  packed:     decisions before 2026-11-21T07:40:00Z: 90 read, 90 SKIP and HOLD packed whole into"
                + " decision packs\n"
                + "  took:       0.0 s\n"
                + "The file keeps its size: new rows reuse the freed pages ('tradevault vacuum' gives them back to"
                + " the disk).\n", run.out());
        assertEquals(2, count("SELECT count(*) FROM trade_decisions"), "the folded run and the newest");
        assertEquals(90, count("SELECT sum(decisions) FROM decision_packs"), "the 90 days since, but the newest");
        assertEquals("1|10|2026-08-22T07:41:00.000000Z", one("SELECT id || '|' || folded_count || '|' || folded_until"
                + " FROM trade_decisions WHERE folded_count > 1"));

        CliRun again = CliRun.of(env, CLOCK, "db", "compact");
        assertTrue(again.out().contains("  decisions:  rows decided before 2026-08-23T07:41:00Z: 0 read, 0 folded"),
                again.out());
    }

    @Test
    void badRetentionSettingsExitTwoWithTheirRules() throws Exception {
        Path config = dir.resolve("bad.conf");
        Files.writeString(config, "retention.decision-detail = 0d\nretention.audit-detail = 5000d\n"
                + "retention.interval = 10s\nretention.decision-packs = sometimes\n");

        for (String[] args : new String[][] {{"db", "compact", "--config", config.toString()},
                {"config", "check", "--config", config.toString()}}) {
            CliRun run = CliRun.of(env, CLOCK, args);
            assertEquals(2, run.exitCode(), run.err());
            assertEquals("error: invalid configuration:\n"
                    + "  retention.decision-detail = 0d: must be a duration from 1d to 3650d, such as 90s, 15m or 2h\n"
                    + "  retention.audit-detail = 5000d: must be a duration from 1d to 3650d, such as 90s, 15m or 2h\n"
                    + "  retention.interval = 10s: must be off or a duration from 1m to 7d, such as 1h\n"
                    + "  retention.decision-packs = sometimes: must be on or off\n"
                    + "next: fix these settings (see docs/configuration.md), then run 'tradevault config check'\n",
                    run.err());
        }
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(one(sql));
    }

    private String one(String sql) throws Exception {
        try (Database db = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env)).openExisting()) {
            return db.read(c -> {
                try (ResultSet r = c.createStatement().executeQuery(sql)) {
                    r.next();
                    return r.getString(1);
                }
            });
        }
    }
}
