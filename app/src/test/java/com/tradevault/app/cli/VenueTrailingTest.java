package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.orders.DraftingStops;
import com.tradevault.app.orders.OrderDraft;
import com.tradevault.app.orders.VenueTrailing;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import com.tradevault.app.trading.StrategySettings;
import com.tradevault.app.trading.StrategySettings.TrailMode;
import com.tradevault.app.trading.Trail;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.testing.TestLedgers;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strategy.trail-mode = venue}: what the configuration alone refuses
 * ({@code config check}, exit 2), what a symbol's rules refuse ({@code run}
 * and {@code config check}, exit 2), and the stop the bot drafts: a
 * {@code trailingDelta} in basis points and no stop price.
 */
class VenueTrailingTest {

    private static final String NEXT = "next: fix these settings (see docs/configuration.md), then run 'tradevault"
            + " config check'\n";

    @TempDir
    Path dir;

    @Test
    void configCheckRefusesAnAbsoluteTrailWithVenueMode() throws Exception {
        CliRun run = check("strategy.trail-mode = venue\nstrategy.trail-kind = absolute\nstrategy.trail = \"300\"\n");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: invalid configuration:\n"
                + "  strategy.trail-kind = absolute: must be percent with strategy.trail-mode = venue: the exchange"
                + " trails by trailingDelta, a percentage in basis points, not an absolute distance; set"
                + " strategy.trail-kind = percent, or strategy.trail-mode = bot\n" + NEXT, run.err());
    }

    @Test
    void configCheckRefusesATrailThatIsNotAWholeNumberOfBasisPoints() throws Exception {
        CliRun run = check("strategy.trail-mode = venue\nstrategy.trail = \"1.255\"\n");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: invalid configuration:\n"
                + "  strategy.trail = 1.255: must be a whole number of basis points (a multiple of 0.01 percent) with"
                + " strategy.trail-mode = venue: the exchange's trailingDelta is in basis points; round it, or set"
                + " strategy.trail-mode = bot\n" + NEXT, run.err());
    }

    @Test
    void configCheckRefusesAnUnknownTrailMode() throws Exception {
        CliRun run = check("strategy.trail-mode = exchange\n");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: invalid configuration:\n"
                + "  strategy.trail-mode = exchange: must be one of bot, venue\n" + NEXT, run.err());
    }

    @Test
    void configCheckRefusesVenueModeOnASymbolThatDoesNotAllowTrailingStops() throws Exception {
        CliRun run = check("strategy.trail-mode = venue\npaper.allow-trailing-stop = off\n");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: strategy.trail-mode = venue: BTCUSDT does not allow trailing stops (allowTrailingStop is"
                + " false in exchangeInfo)\nnext: set strategy.trail-mode = bot, choose a strategy.trail the symbol's"
                + " TRAILING_DELTA filter admits, or remove the symbol from bot.symbols\n", run.err());
    }

    @Test
    void runRefusesAtStartVenueModeOnASymbolThatDoesNotAllowTrailingStopsBeforeBuyingAnything() throws Exception {
        Path file = dir.resolve("run.conf");
        Files.writeString(file, "strategy.trail-mode = venue\npaper.allow-trailing-stop = off\n"
                + "bot.scan-interval = 100ms\n");
        Map<String, String> env = new java.util.HashMap<>(TestLedgers.env(dir, "TRADEVAULT_DB_KEY",
                TestLedgers.KEY_HEX, "TRADEVAULT_CONFIG", file.toString()));
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());

        CliRun run = CliRun.of(env, "run", "--for", "5s");

        assertEquals(2, run.exitCode(), run.out());
        assertEquals("error: strategy.trail-mode = venue: BTCUSDT does not allow trailing stops (allowTrailingStop is"
                + " false in exchangeInfo)\nnext: set strategy.trail-mode = bot, choose a strategy.trail the symbol's"
                + " TRAILING_DELTA filter admits, or remove the symbol from bot.symbols\n", run.err());
        CliRun status = CliRun.of(env, "status");
        assertTrue(status.out().contains("positions:  none open"), status.out());
    }

    @Test
    void configCheckNamesTheStopTheExchangeTrails() throws Exception {
        CliRun run = check("strategy.trail-mode = venue\nstrategy.trail = \"1.5\"\n");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  stops:      BTCUSDT STOP_LOSS_LIMIT trailed by the exchange, 150 bips\n"),
                run.out());
    }

    @Test
    void aDeltaOutsideTheTrailingDeltaFilterIsRefused() {
        StrategySettings strategy = new StrategySettings(10, BigDecimal.ZERO, Trail.percent("25"), BigDecimal.ONE,
                new BigDecimal("0.5"), TrailMode.VENUE);

        TradevaultException e = assertThrows(TradevaultException.class,
                () -> StopTypeCheck.require(ProtectionReportsTest.venueWith(rules(true)), List.of("BTCUSDT"),
                        strategy));

        assertEquals(Outcome.BAD_USAGE, e.outcome());
        assertEquals("strategy.trail-mode = venue: the trail 25% is 2500 basis points, outside BTCUSDT's"
                + " TRAILING_DELTA filter for sell stops (10..2000)", e.getMessage());
    }

    @Test
    void trailsInBasisPoints() {
        assertEquals(Optional.of(100), Trail.percent("1").bips());
        assertEquals(Optional.of(125), Trail.percent("1.25").bips());
        assertEquals(Optional.of(1), Trail.percent("0.01").bips());
        assertEquals(Optional.empty(), Trail.percent("1.255").bips());
        assertEquals(Optional.empty(), Trail.absolute("300").bips());
    }

    @Test
    void aVenueStopCarriesTheTrailInBipsAndNoStopPriceAndKeepsTheStopLimitsLimit() {
        DraftingStops venue = new DraftingStops(new BigDecimal("0.5"), new VenueTrailing(Optional.of(150)));

        OrderDraft stop = venue.draft(7, rules(true), Quantity.of("0.002"), Price.of("29700"),
                () -> new BigDecimal("30000"));

        assertEquals(OrderType.STOP_LOSS_LIMIT, stop.type());
        assertEquals(Optional.of(150), stop.trailingDelta());
        assertEquals(Optional.empty(), stop.stopPrice());
        assertEquals(Optional.of(Price.of("29551.5")), stop.limitPrice());
    }

    @Test
    void aSymbolThatCannotTrailGetsTheBotsStop() {
        DraftingStops venue = new DraftingStops(new BigDecimal("0.5"), new VenueTrailing(Optional.of(150)));

        OrderDraft stop = venue.draft(7, rules(false), Quantity.of("0.002"), Price.of("29700"),
                () -> new BigDecimal("30000"));

        assertEquals(Optional.empty(), stop.trailingDelta());
        assertEquals(Optional.of(Price.of("29700")), stop.stopPrice());
    }

    private CliRun check(String config) throws Exception {
        Path file = dir.resolve("tradevault.conf");
        Files.writeString(file, config);
        Map<String, String> env = TestLedgers.env(dir);
        return CliRun.of(env, "config", "check", "--config", file.toString());
    }

    private static SymbolRules rules(boolean trailing) {
        return new SymbolRules("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"),
                new BigDecimal("0.00001"), new BigDecimal("5"), Set.of(OrderType.MARKET, OrderType.STOP_LOSS_LIMIT),
                trailing, true, Optional.empty(), Optional.of(new SymbolRules.DeltaRange(10, 2000)));
    }
}
