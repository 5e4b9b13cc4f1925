package com.tradevault.app.exchange.paper.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradevault.app.exchange.Candle;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.paper.PaperExchange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v3/ticker/24hr} in its FULL shape, from the last 24 hours of
 * one-minute candles (prices) and of the account's trades (volume and count:
 * a paper venue has no other traders). Bid and ask are the last price.
 */
final class Ticker24h {

    private Ticker24h() {
    }

    static ObjectNode of(PaperExchange exchange, String symbol, Instant now) {
        Instant open = now.minus(Duration.ofDays(1));
        BigDecimal last = exchange.lastPrice(symbol);
        List<Candle> candles = exchange.candles(symbol, open, now.plusSeconds(60));
        BigDecimal first = candles.isEmpty() ? last : candles.get(0).open();
        List<ExchangeTrade> trades = exchange.tradesAfter(symbol, -1).stream()
                .filter(t -> !t.time().isBefore(open)).toList();
        ObjectNode n = BinanceShapes.MAPPER.createObjectNode().put("symbol", symbol);
        prices(n, first, last, candles);
        volumes(n, last, trades);
        n.put("openTime", open.toEpochMilli()).put("closeTime", now.toEpochMilli())
                .put("firstId", trades.isEmpty() ? -1 : trades.get(0).tradeId())
                .put("lastId", trades.isEmpty() ? -1 : trades.get(trades.size() - 1).tradeId())
                .put("count", trades.size());
        return n;
    }

    private static void prices(ObjectNode n, BigDecimal first, BigDecimal last, List<Candle> candles) {
        BigDecimal change = last.subtract(first);
        n.put("priceChange", d(change))
                .put("priceChangePercent", change.multiply(BigDecimal.valueOf(100))
                        .divide(first, 3, RoundingMode.HALF_EVEN).toPlainString());
        n.put("prevClosePrice", d(first)).put("lastPrice", d(last)).put("openPrice", d(first))
                .put("highPrice", d(candles.stream().map(Candle::high).reduce(last, BigDecimal::max)))
                .put("lowPrice", d(candles.stream().map(Candle::low).reduce(last, BigDecimal::min)));
    }

    private static void volumes(ObjectNode n, BigDecimal last, List<ExchangeTrade> trades) {
        BigDecimal volume = trades.stream().map(ExchangeTrade::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal quote = trades.stream().map(t -> t.price().multiply(t.quantity()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(8, RoundingMode.HALF_EVEN);
        BigDecimal weighted = volume.signum() == 0 ? last : quote.divide(volume, 8, RoundingMode.HALF_EVEN);
        BigDecimal lastQty = trades.isEmpty() ? BigDecimal.ZERO : trades.get(trades.size() - 1).quantity();
        n.put("weightedAvgPrice", d(weighted)).put("lastQty", d(lastQty))
                .put("bidPrice", d(last)).put("bidQty", d(BigDecimal.ZERO))
                .put("askPrice", d(last)).put("askQty", d(BigDecimal.ZERO));
        n.put("volume", d(volume)).put("quoteVolume", d(quote));
    }

    private static String d(BigDecimal v) {
        return BinanceShapes.decimal(v);
    }
}
