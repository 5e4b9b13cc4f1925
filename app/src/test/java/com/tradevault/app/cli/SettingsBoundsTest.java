package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradevault.setup.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Absurd numbers and durations are refused by 'config check' (exit 2, key, value, rule), never a stack trace. */
class SettingsBoundsTest {

    /** The rule of amounts and prices; an absolute trail is one, so it gets this rule, not the percent one. */
    private static final String AMOUNT = "must be a decimal number above 0 and at most 1000000000 with at most 8"
            + " decimals, such as \"100\" or \"0.5\"";

    @TempDir
    Path dir;

    @Test
    void configCheckRefusesEveryValueOutOfBoundsWithItsRule() throws Exception {
        CliRun run = check("""
                bot.quote-per-trade = "1e30"
                bot.scan-interval = 999999999999d
                bot.intent-grace = 99999999999999999999d
                strategy.trail-kind = absolute
                strategy.trail = "-5"
                strategy.breakout-margin-percent = "250"
                reconcile.interval = 10ms
                exchange.request-timeout = 7200h
                paper.start-price = "1e30"
                paper.feed.tick-interval = 0s
                backup.interval = 9999d
                db.busy-timeout = 2h
                """);

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: invalid configuration:\n"
                + "  db.busy-timeout = 2h: must be a duration from 1ms to 1h, such as 90s, 15m or 2h\n"
                + "  bot.quote-per-trade = 1e30: " + AMOUNT + "\n"
                + "  bot.scan-interval = 999999999999d: must be a duration from 100ms to 1d, such as 90s, 15m or 2h\n"
                + "  bot.intent-grace = 99999999999999999999d: must be a duration from 1s to 1d, such as 90s, 15m or"
                + " 2h\n"
                + "  strategy.trail = -5: " + AMOUNT + "\n"
                + "  strategy.breakout-margin-percent = 250: must be a decimal number from 0 to 100 with at most 8"
                + " decimals, such as \"100\" or \"0.5\"\n"
                + "  exchange.request-timeout = 7200h: must be a duration from 100ms to 10m, such as 90s, 15m or 2h\n"
                + "  paper.start-price = 1e30: " + AMOUNT + "\n"
                + "  paper.feed.tick-interval = 0s: must be a duration from 1ms to 1h, such as 90s, 15m or 2h\n"
                + "  backup.interval = 9999d: must be off or a duration from 1m to 365d, such as 6h\n"
                + "  reconcile.interval = 10ms: must be a duration from 1s to 1d, such as 90s, 15m or 2h\n"
                + "next: fix these settings (see docs/configuration.md), then run 'tradevault config check'\n",
                run.err());
    }

    @Test
    void aScanIntervalBelowTheMinimumIsRefused() throws Exception {
        CliRun run = check("bot.scan-interval = 10ms\n");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: invalid configuration:\n"
                + "  bot.scan-interval = 10ms: must be a duration from 100ms to 1d, such as 90s, 15m or 2h\n"
                + "next: fix these settings (see docs/configuration.md), then run 'tradevault config check'\n",
                run.err());
    }

    @Test
    void aPercentTrailOfAHundredOrMoreGetsThePercentRule() throws Exception {
        CliRun run = check("strategy.trail-kind = percent\nstrategy.trail = \"100\"\n");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: invalid configuration:\n"
                + "  strategy.trail = 100: must be below 100 (percent) with strategy.trail-kind = percent\n"
                + "next: fix these settings (see docs/configuration.md), then run 'tradevault config check'\n",
                run.err());
    }

    @Test
    void runForAnAbsurdDurationIsBadUsage() {
        CliRun run = CliRun.of(TestLedgers.env(dir), "run", "--for", "99999999999999d");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: --for 99999999999999d: must be a duration from 1s to 3650d, such as 90s, 15m or 2h\n"
                + "next: write it like 90s, 15m or 2h\n", run.err());
    }

    private CliRun check(String config) throws Exception {
        Path file = dir.resolve("tradevault.conf");
        Files.writeString(file, config);
        Map<String, String> env = TestLedgers.env(dir);
        return CliRun.of(env, "config", "check", "--config", file.toString());
    }
}
