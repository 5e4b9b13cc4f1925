package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tradevault exchange check} on the in-process paper exchange, the default venue. */
class ExchangeCheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void theInProcessPaperExchangeIsCheckedLikeAnyVenue() throws Exception {
        Path config = dir.resolve("paper.conf");
        Files.writeString(config, "paper.feed.tick-interval = 20ms\n");
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_CONFIG", config.toString());
        CliRun run = CliRun.of(env, "exchange", "check");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        List<String> lines = List.of(run.out().split("\n"));
        assertTrue(lines.get(0).startsWith("exchange:       in-process paper exchange (state "), lines.get(0));
        assertEquals(List.of("account:        may trade", "balances:       USDT 10000 free, 0 locked",
                "clock offset:   0 ms (exchange.recv-window 5000 ms)",
                "request weight: not counted by this exchange"), lines.subList(1, 5));
        assertTrue(lines.get(5).startsWith("BTCUSDT: stop STOP_LOSS"), lines.get(5));
        assertEquals("ready: the bot can trade BTCUSDT safely", lines.get(lines.size() - 1));
    }

    @Test
    void aSymbolThePaperExchangeDoesNotTradeIsABadConfiguration() throws Exception {
        Path config = dir.resolve("paper.conf");
        Files.writeString(config, "bot.symbols = \"ETHUSDT\"\n");
        CliRun run = CliRun.of(TestLedgers.env(dir, "TRADEVAULT_CONFIG", config.toString()), "exchange", "check");
        assertEquals(2, run.exitCode());
        assertEquals(String.join("\n", "error: invalid configuration:",
                "  bot.symbols = ETHUSDT: must be among paper.symbols (BTCUSDT) when trading on the in-process paper"
                        + " exchange",
                "next: fix these settings (see docs/configuration.md), then run 'tradevault config check'", ""),
                run.err());
    }
}
