package com.tradevault.app.exchange.paper;

import static com.tradevault.app.exchange.paper.PaperFixture.limit;
import static com.tradevault.app.exchange.paper.PaperFixture.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.exchange.Candle;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.Side;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.config.ConfigProblem;
import com.tradevault.core.testing.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Durable state across restarts, the single-engine lock, the price feeds and candles. */
class PaperStateAndFeedTest {

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));

    @Test
    void ordersBalancesAndPricesSurviveAReopenAndAStopStillFillsAfterIt() throws Exception {
        PaperSettings settings = PaperFixture.settings(dir);
        try (PaperExchange first = PaperExchange.open(settings, clock)) {
            first.place(stop(Side.SELL, "1", "95", "tv-stop"));
            first.place(limit(Side.BUY, "1", "90", "tv-buy"));
            first.setPrice("BTCUSDT", new BigDecimal("97.5"));
        }
        assertTrue(Files.exists(dir.resolve("paper-exchange.db")));
        try (PaperExchange again = PaperExchange.open(settings, clock)) {
            assertEquals("97.5", again.lastPrice("BTCUSDT").toPlainString());
            assertEquals(2, again.openOrders(java.util.Optional.empty()).size());
            assertEquals("90", again.balances().get("USDT").locked().toPlainString());
            again.setPrice("BTCUSDT", new BigDecimal("94"));
            assertEquals(OrderStatus.FILLED,
                    again.orderByClientId("BTCUSDT", new ClientOrderId("tv-stop")).orElseThrow().status());
        }
    }

    @Test
    void aSymbolAddedLaterStartsAtTheStartPriceAndKeepsExistingBalances() {
        try (PaperExchange first = PaperExchange.open(PaperFixture.settings(dir), clock)) {
            first.place(PaperFixture.market(Side.BUY, "0.5", "tv-1"));
        }
        PaperSettings two = PaperFixture.settings(dir, "paper.symbols", "BTCUSDT, ETHUSDT");
        try (PaperExchange again = PaperExchange.open(two, clock)) {
            assertEquals("100", again.lastPrice("ETHUSDT").toPlainString());
            assertEquals(List.of("1.4995", "1", "950"), List.of(again.balances().get("BTC").free().toPlainString(),
                    again.balances().get("ETH").free().toPlainString(),
                    again.balances().get("USDT").free().toPlainString()));
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftAsItIs() throws Exception {
        Files.writeString(dir.resolve("paper-exchange.db"), "not a database, but someone's notes\n".repeat(200));
        TradevaultException e = assertThrows(TradevaultException.class,
                () -> PaperExchange.open(PaperFixture.settings(dir), clock));
        assertEquals(Outcome.FAILURE, e.outcome());
        assertTrue(e.getMessage().startsWith("cannot open the paper exchange state " + dir.resolve("paper-exchange.db")
                + ": "), e.getMessage());
        assertEquals("not a database, but someone's notes\n".repeat(200),
                Files.readString(dir.resolve("paper-exchange.db")));
        try (PaperExchange other = PaperExchange.open(PaperFixture.settings(dir, "paper.state-file",
                dir.resolve("other.db").toString()), clock)) {
            assertEquals("100", other.lastPrice("BTCUSDT").toPlainString());
        }
    }

    @Test
    void aSecondEngineOnTheSameStateFileIsRefused() {
        PaperSettings settings = PaperFixture.settings(dir);
        try (PaperExchange first = PaperExchange.open(settings, clock)) {
            TradevaultException e = assertThrows(TradevaultException.class, () -> PaperExchange.open(settings, clock));
            assertEquals(Outcome.LOCKED, e.outcome());
            assertEquals("paper exchange state " + settings.stateFile() + " is in use by another process (PID "
                    + ProcessHandle.current().pid() + ")", e.getMessage());
        }
    }

    @Test
    void theSameSeedGivesTheSamePricesAcrossARestart() {
        List<BigDecimal> straight = prices(PaperFixture.settings(dir.resolve("a")), 20);
        PaperSettings b = PaperFixture.settings(dir.resolve("b"));
        List<BigDecimal> interrupted = new ArrayList<>(prices(b, 10));
        interrupted.addAll(prices(b, 10));
        assertEquals(straight, interrupted);
        assertNotEquals(straight, prices(PaperFixture.settings(dir.resolve("c"), "paper.feed.seed", "7"), 20));
    }

    @Test
    void randomWalkPricesStayOnTheTickSize() {
        for (BigDecimal p : prices(PaperFixture.settings(dir, "paper.feed.volatility", "0.05"), 200)) {
            assertEquals(0, p.remainder(new BigDecimal("0.01")).signum(), p.toPlainString());
            assertTrue(p.signum() > 0);
        }
    }

    @Test
    void csvReplayPlaysOnePricePerTickAndStartsOver() throws Exception {
        Path csv = dir.resolve("prices.csv");
        Files.writeString(csv, "time,price\n2024-01-01T00:00:00Z,101.5\n2024-01-01T00:01:00Z,102\n\n103.25\n");
        PaperSettings s = PaperFixture.settings(dir, "paper.feed.kind", "csv", "paper.feed.csv-file", csv.toString());
        assertEquals(List.of("102", "103.25", "101.5", "102"),
                prices(s, 4).stream().map(BigDecimal::toPlainString).toList());
    }

    @Test
    void aMissingOrBrokenPriceFileIsBadUsageNamingFileAndLine() throws Exception {
        Path csv = dir.resolve("prices.csv");
        PaperSettings s = PaperFixture.settings(dir, "paper.feed.kind", "csv", "paper.feed.csv-file", csv.toString());
        TradevaultException missing = assertThrows(TradevaultException.class, () -> PaperExchange.open(s, clock));
        assertEquals(List.of(Outcome.BAD_USAGE, "the price file " + csv + " does not exist"),
                List.of(missing.outcome(), missing.getMessage()));
        Files.writeString(csv, "price\n101\nabc\n");
        TradevaultException broken = assertThrows(TradevaultException.class, () -> PaperExchange.open(s, clock));
        assertEquals("the price file " + csv + " line 3 has no positive price in its last column: abc",
                broken.getMessage());
    }

    @Test
    void candlesAnswerTheHighestPriceReachedOverARange() {
        try (PaperExchange exchange = PaperExchange.open(PaperFixture.settings(dir), clock)) {
            Instant start = clock.instant();
            BigDecimal high = new BigDecimal("100");
            for (int i = 0; i < 12; i++) {
                clock.advance(Duration.ofSeconds(20));
                exchange.tick();
                high = high.max(exchange.lastPrice("BTCUSDT"));
            }
            List<Candle> candles = exchange.candles("BTCUSDT", start.plusSeconds(30), clock.instant().plusSeconds(1));
            assertEquals(5, candles.size());
            assertEquals(start, candles.get(0).openTime());
            assertEquals(high, candles.stream().map(Candle::high).reduce(BigDecimal::max).orElseThrow());
        }
    }

    @Test
    void badPaperSettingsAreReportedWithKeyValueAndRule() {
        ConfigProblem e = assertThrows(ConfigProblem.class, () -> PaperFixture.settings(dir,
                "paper.fee-rate", "1.5", "paper.symbols", "BTCEUR", "paper.feed.kind", "csv"));
        assertEquals(List.of(
                "paper.symbols = BTCEUR: must list symbols such as BTCUSDT, each ending in paper.quote-asset USDT,"
                        + " separated by commas",
                "paper.fee-rate = 1.5: must be a fraction from 0 (inclusive) to 1 (exclusive)",
                "paper.feed.csv-file = : must name a file of prices when paper.feed.kind = csv"), e.problems());
    }

    private List<BigDecimal> prices(PaperSettings settings, int ticks) {
        List<BigDecimal> out = new ArrayList<>();
        try (PaperExchange exchange = PaperExchange.open(settings, clock)) {
            for (int i = 0; i < ticks; i++) {
                exchange.tick();
                out.add(exchange.lastPrice("BTCUSDT"));
            }
        }
        return out;
    }
}
