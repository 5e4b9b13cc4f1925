package com.tradevault.app.exchange.paper;

import static com.tradevault.app.exchange.paper.PaperFixture.limit;
import static com.tradevault.app.exchange.paper.PaperFixture.market;
import static com.tradevault.app.exchange.paper.PaperFixture.stop;
import static com.tradevault.app.exchange.paper.PaperFixture.stopLimit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tradevault.app.exchange.Balance;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.NoSuchOrder;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.Side;
import com.tradevault.core.testing.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each order type against the price feed, starting at BTCUSDT 100 with 1000 USDT and 1 BTC. */
class PaperMatchingTest {

    @TempDir
    Path dir;
    PaperExchange exchange;

    @BeforeEach
    void open() {
        exchange = PaperExchange.open(PaperFixture.settings(dir), new MutableClock(Instant.parse("2026-01-05T10:00:00Z")));
    }

    @AfterEach
    void close() {
        exchange.close();
    }

    @Test
    void marketBuyFillsAtLastPriceAndChargesTheFeeInBase() {
        ExchangeOrder o = exchange.place(market(Side.BUY, "0.5", "tv-1"));
        assertEquals(OrderStatus.FILLED, o.status());
        assertEquals(0, new BigDecimal("50").compareTo(o.cumulativeQuote()));
        assertBalance("USDT", "950", "0");
        assertBalance("BTC", "1.4995", "0");
        ExchangeTrade t = exchange.tradesAfter("BTCUSDT", -1).get(0);
        assertEquals(List.of("100", "0.5", "0.0005", "BTC", o.exchangeOrderId()), List.of(t.price().toPlainString(),
                t.quantity().toPlainString(), t.commission().toPlainString(), t.commissionAsset(), t.exchangeOrderId()));
    }

    @Test
    void marketSellFillsAtLastPriceAndChargesTheFeeInQuote() {
        exchange.place(market(Side.SELL, "0.5", "tv-1"));
        assertBalance("USDT", "1049.95", "0");
        assertBalance("BTC", "0.5", "0");
    }

    @Test
    void limitBuyBelowThePriceRestsLockingQuoteAndFillsAtItsLimit() {
        ExchangeOrder o = exchange.place(limit(Side.BUY, "1", "90", "tv-1"));
        assertEquals(OrderStatus.NEW, o.status());
        assertBalance("USDT", "910", "90");
        exchange.setPrice("BTCUSDT", new BigDecimal("95"));
        assertEquals(OrderStatus.NEW, status("tv-1"));
        exchange.setPrice("BTCUSDT", new BigDecimal("89"));
        assertEquals(OrderStatus.FILLED, status("tv-1"));
        assertEquals("90", exchange.tradesAfter("BTCUSDT", -1).get(0).price().toPlainString());
        assertBalance("USDT", "910", "0");
        assertBalance("BTC", "1.999", "0");
    }

    @Test
    void marketableLimitBuyFillsAtOnceAtTheLastPriceAndReleasesTheRest() {
        ExchangeOrder o = exchange.place(limit(Side.BUY, "1", "110", "tv-1"));
        assertEquals(OrderStatus.FILLED, o.status());
        assertBalance("USDT", "900", "0");
    }

    @Test
    void limitSellFillsWhenThePriceRisesToIt() {
        exchange.place(limit(Side.SELL, "0.5", "120", "tv-1"));
        assertBalance("BTC", "0.5", "0.5");
        exchange.setPrice("BTCUSDT", new BigDecimal("125"));
        assertEquals(OrderStatus.FILLED, status("tv-1"));
        assertBalance("USDT", "1059.94", "0");
        assertBalance("BTC", "0.5", "0");
    }

    @Test
    void stopLossSellTriggersOnAGapAndFillsAtThatTicksPrice() {
        exchange.place(stop(Side.SELL, "1", "95", "tv-stop"));
        assertBalance("BTC", "0", "1");
        exchange.setPrice("BTCUSDT", new BigDecimal("96"));
        assertEquals(OrderStatus.NEW, status("tv-stop"));
        exchange.setPrice("BTCUSDT", new BigDecimal("93"));
        assertEquals(OrderStatus.FILLED, status("tv-stop"));
        assertEquals("93", exchange.tradesAfter("BTCUSDT", -1).get(0).price().toPlainString());
        assertBalance("USDT", "1092.907", "0");
        assertBalance("BTC", "0", "0");
    }

    @Test
    void stopLossBuyTriggersWhenThePriceRisesAndMayCostMoreThanItLocked() {
        exchange.place(stop(Side.BUY, "1", "105", "tv-1"));
        assertBalance("USDT", "895", "105");
        exchange.setPrice("BTCUSDT", new BigDecimal("106"));
        assertEquals(OrderStatus.FILLED, status("tv-1"));
        assertBalance("USDT", "894", "0");
    }

    @Test
    void stopLossLimitTriggeredAboveItsLimitFillsAtOnceAtTheTickPrice() {
        exchange.place(stopLimit(Side.SELL, "1", "95", "94", "tv-1"));
        exchange.setPrice("BTCUSDT", new BigDecimal("94.5"));
        assertEquals(OrderStatus.FILLED, status("tv-1"));
        assertEquals("94.5", exchange.tradesAfter("BTCUSDT", -1).get(0).price().toPlainString());
    }

    @Test
    void stopLossLimitTriggeredBelowItsLimitRestsUntilThePriceComesBack() {
        exchange.place(stopLimit(Side.SELL, "1", "95", "94", "tv-1"));
        exchange.setPrice("BTCUSDT", new BigDecimal("93"));
        assertEquals(OrderStatus.NEW, status("tv-1"));
        assertBalance("BTC", "0", "1");
        exchange.setPrice("BTCUSDT", new BigDecimal("94.2"));
        assertEquals(OrderStatus.FILLED, status("tv-1"));
        assertEquals("94", exchange.tradesAfter("BTCUSDT", -1).get(0).price().toPlainString());
    }

    @Test
    void fillListenersHearOfEachFillWithItsOrderOnceItIsDurable() {
        List<String> heard = new ArrayList<>();
        exchange.onFill((order, trade) -> heard.add(order.clientOrderId() + " " + order.status() + " "
                + trade.fillId() + " " + trade.price().toPlainString()));
        exchange.place(stop(Side.SELL, "1", "95", "tv-stop"));
        exchange.place(market(Side.BUY, "0.1", "tv-buy"));
        exchange.setPrice("BTCUSDT", new BigDecimal("94"));
        assertEquals(List.of("tv-buy FILLED BTCUSDT:1 100", "tv-stop FILLED BTCUSDT:2 94"), heard);
    }

    @Test
    void cancelReleasesWhatTheOrderLocked() {
        exchange.place(limit(Side.BUY, "1", "90", "tv-1"));
        exchange.place(stop(Side.SELL, "0.4", "80", "tv-2"));
        assertEquals(OrderStatus.CANCELED, exchange.cancel("BTCUSDT", new ClientOrderId("tv-1")).status());
        assertEquals(OrderStatus.CANCELED, exchange.cancel("BTCUSDT", new ClientOrderId("tv-2")).status());
        assertBalance("USDT", "1000", "0");
        assertBalance("BTC", "1", "0");
        assertEquals(List.of(), exchange.openOrders(Optional.empty()));
    }

    @Test
    void cancellingAnUnknownOrAlreadyFilledOrderIsNoSuchOrder() {
        exchange.place(market(Side.BUY, "0.1", "tv-1"));
        NoSuchOrder filled = assertThrows(NoSuchOrder.class, () -> exchange.cancel("BTCUSDT", new ClientOrderId("tv-1")));
        assertEquals("Unknown order sent.", filled.getMessage());
        assertThrows(NoSuchOrder.class, () -> exchange.cancel("BTCUSDT", new ClientOrderId("tv-nope")));
    }

    @Test
    void cancelAllCancelsEveryOpenOrderAsDuringMaintenance() {
        exchange.place(limit(Side.BUY, "1", "90", "tv-1"));
        exchange.place(stop(Side.SELL, "1", "80", "tv-2"));
        assertEquals(2, exchange.cancelAll(Optional.of("BTCUSDT")).size());
        assertEquals(OrderStatus.CANCELED, status("tv-2"));
        assertBalance("BTC", "1", "0");
    }

    @Test
    void lookupsByClientIdAndExchangeIdFindTheSameOrder() {
        ExchangeOrder o = exchange.place(limit(Side.BUY, "1", "90", "tv-1"));
        assertEquals(Optional.of(o), exchange.orderByExchangeId("BTCUSDT", o.exchangeOrderId()));
        assertEquals(Optional.of(o), exchange.orderByClientId("BTCUSDT", new ClientOrderId("tv-1")));
        assertEquals(Optional.empty(), exchange.orderByClientId("BTCUSDT", new ClientOrderId("tv-2")));
        assertEquals(List.of(o), exchange.allOrders("BTCUSDT"));
    }

    private OrderStatus status(String clientId) {
        return exchange.orderByClientId("BTCUSDT", new ClientOrderId(clientId)).orElseThrow().status();
    }

    private void assertBalance(String asset, String free, String locked) {
        Balance b = exchange.balances().get(asset);
        assertEquals(free + " / " + locked, b.free().toPlainString() + " / " + b.locked().toPlainString(), asset);
    }
}
