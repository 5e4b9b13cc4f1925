package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Absurd numbers and durations are refused by 'config check' (exit 2, key, value, rule), and absurd arguments
 * by the command line (exit 2, option, value, rule), never a stack trace.
 */
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

    @Test
    void configCheckRefusesAPaperFeedThatCompoundsPastAnyPrice() throws Exception {
        CliRun run = check("paper.feed.drift = \"1e30\"\npaper.feed.volatility = \"2\"\n");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: invalid configuration:\n"
                + "  paper.feed.drift = 1e30: must be a decimal number from -0.01 to 0.01 (a mean change of at most"
                + " 1 % per tick), such as 0.0001\n"
                + "  paper.feed.volatility = 2: must be a fraction from 0 (inclusive) to 1 (exclusive)\n"
                + "next: fix these settings (see docs/configuration.md), then run 'tradevault config check'\n",
                run.err());
    }

    @Test
    void aWholeNumberTooLargeForItsOptionIsBadUsageNotAStackTrace() {
        CliRun run = CliRun.of(TestLedgers.env(dir), "migrate-to-postgres", "--target", "jdbc:postgresql://localhost/x",
                "--batch-size", "99999999999");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: --batch-size 99999999999: must be a whole number from 1 to 1000000\n"
                + "next: run 'tradevault migrate-to-postgres --help' to see what it takes\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void paperExchangeFaultArgumentsAreBounded() {
        CliRun count = CliRun.of(TestLedgers.env(dir), "paper-exchange", "fault", "--url", "http://127.0.0.1:1",
                "--fail-next", "-1");
        CliRun delay = CliRun.of(TestLedgers.env(dir), "paper-exchange", "fault", "--url", "http://127.0.0.1:1",
                "--delay", "9999d");

        assertEquals(2, count.exitCode(), count.err());
        assertEquals("error: --fail-next -1: must be a whole number from 0 to 1000000\n"
                + "next: run 'tradevault paper-exchange fault --help' to see what it takes\n", count.err());
        assertEquals(2, delay.exitCode(), delay.err());
        assertEquals("error: --delay 9999d: must be a duration from 0s to 1m, such as 90s, 15m or 2h\n"
                + "next: write it like 500ms, 2s or 0s\n", delay.err());
    }

    @Test
    void anUnknownOptionUnderJsonIsAJsonErrorObjectOnStdout() {
        CliRun run = CliRun.of(TestLedgers.env(dir), "status", "--json", "--bogus");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: Unknown option: '--bogus'\nnext: run 'tradevault status --help' to see what it takes\n",
                run.err());
        assertEquals("{\n"
                + "  \"error\" : {\n"
                + "    \"code\" : 2,\n"
                + "    \"outcome\" : \"bad-usage\",\n"
                + "    \"message\" : \"Unknown option: '--bogus'\",\n"
                + "    \"next\" : \"run 'tradevault status --help' to see what it takes\"\n"
                + "  }\n"
                + "}\n", run.out());
    }

    private CliRun check(String config) throws Exception {
        Path file = dir.resolve("tradevault.conf");
        Files.writeString(file, config);
        Map<String, String> env = TestLedgers.env(dir);
        return CliRun.of(env, "config", "check", "--config", file.toString());
    }
}
