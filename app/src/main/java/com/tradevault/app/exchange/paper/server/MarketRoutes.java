package com.tradevault.app.exchange.paper.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradevault.app.exchange.Candle;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.paper.PaperExchange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Binance Spot's public endpoints: ping, time, exchangeInfo, ticker/price,
 * ticker/24hr, avgPrice and klines. Single-symbol forms answer an object, the
 * {@code symbols=} and all-symbols forms an array.
 */
final class MarketRoutes {

    private final PaperExchange exchange;
    private final OrderParameters orders;
    private final Clock clock;

    MarketRoutes(PaperExchange exchange, OrderParameters orders, Clock clock) {
        this.exchange = exchange;
        this.orders = orders;
        this.clock = clock;
    }

    /** The answer, or empty when the route is not a public one. */
    Optional<JsonNode> handle(ApiRequest r) {
        return Optional.ofNullable(switch (r.route()) {
            case "GET /api/v3/ping" -> BinanceShapes.MAPPER.createObjectNode();
            case "GET /api/v3/time" -> BinanceShapes.MAPPER.createObjectNode().put("serverTime", clock.millis());
            case "GET /api/v3/exchangeInfo" -> ExchangeInfo.of(exchange, orders.symbols(r), clock);
            case "GET /api/v3/ticker/price" -> perSymbol(r, this::price);
            case "GET /api/v3/ticker/24hr" -> perSymbol(r, this::ticker);
            case "GET /api/v3/avgPrice" -> averagePrice(orders.symbol(r.required("symbol")));
            case "GET /api/v3/klines" -> klines(r);
            default -> null;
        });
    }

    private JsonNode perSymbol(ApiRequest r, Function<String, ObjectNode> answer) {
        List<String> symbols = orders.symbols(r);
        if (r.optional("symbol").isPresent()) {
            return answer.apply(symbols.get(0));
        }
        ArrayNode all = BinanceShapes.MAPPER.createArrayNode();
        symbols.forEach(s -> all.add(answer.apply(s)));
        return all;
    }

    private ObjectNode price(String symbol) {
        return BinanceShapes.MAPPER.createObjectNode().put("symbol", symbol)
                .put("price", BinanceShapes.decimal(exchange.lastPrice(symbol)));
    }

    private ObjectNode averagePrice(String symbol) {
        return BinanceShapes.MAPPER.createObjectNode().put("mins", 5)
                .put("price", BinanceShapes.decimal(exchange.averagePrice(symbol)));
    }

    /** 24 hours of one-minute candles and of the account's trades (the only trades a paper venue has). */
    private ObjectNode ticker(String symbol) {
        Instant now = clock.instant();
        Instant open = now.minus(Duration.ofDays(1));
        BigDecimal last = exchange.lastPrice(symbol);
        List<Candle> candles = exchange.candles(symbol, open, now.plusSeconds(60));
        BigDecimal first = candles.isEmpty() ? last : candles.get(0).open();
        BigDecimal high = candles.stream().map(Candle::high).reduce(last, BigDecimal::max);
        BigDecimal low = candles.stream().map(Candle::low).reduce(last, BigDecimal::min);
        List<ExchangeTrade> trades = exchange.tradesAfter(symbol, -1).stream()
                .filter(t -> !t.time().isBefore(open)).toList();
        BigDecimal volume = trades.stream().map(ExchangeTrade::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal quote = trades.stream().map(t -> t.price().multiply(t.quantity()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(8, RoundingMode.HALF_EVEN);
        BigDecimal change = last.subtract(first);
        BigDecimal weighted = volume.signum() == 0 ? last : quote.divide(volume, 8, RoundingMode.HALF_EVEN);
        String zero = BinanceShapes.decimal(BigDecimal.ZERO);
        return BinanceShapes.MAPPER.createObjectNode().put("symbol", symbol)
                .put("priceChange", BinanceShapes.decimal(change))
                .put("priceChangePercent", change.multiply(BigDecimal.valueOf(100))
                        .divide(first, 3, RoundingMode.HALF_EVEN).toPlainString())
                .put("weightedAvgPrice", BinanceShapes.decimal(weighted)).put("prevClosePrice", BinanceShapes.decimal(first))
                .put("lastPrice", BinanceShapes.decimal(last))
                .put("lastQty", BinanceShapes.decimal(trades.isEmpty() ? BigDecimal.ZERO : trades.get(trades.size() - 1).quantity()))
                .put("bidPrice", BinanceShapes.decimal(last)).put("bidQty", zero)
                .put("askPrice", BinanceShapes.decimal(last)).put("askQty", zero)
                .put("openPrice", BinanceShapes.decimal(first)).put("highPrice", BinanceShapes.decimal(high))
                .put("lowPrice", BinanceShapes.decimal(low)).put("volume", BinanceShapes.decimal(volume))
                .put("quoteVolume", BinanceShapes.decimal(quote)).put("openTime", open.toEpochMilli())
                .put("closeTime", now.toEpochMilli())
                .put("firstId", trades.isEmpty() ? -1 : trades.get(0).tradeId())
                .put("lastId", trades.isEmpty() ? -1 : trades.get(trades.size() - 1).tradeId())
                .put("count", trades.size());
    }

    private JsonNode klines(ApiRequest r) {
        String symbol = orders.symbol(r.required("symbol"));
        if (!r.required("interval").equals("1m")) {
            throw ApiError.badRequest(Codes.BAD_INTERVAL, "Invalid interval.");
        }
        long limit = AccountRoutes.limit(r);
        Instant to = r.number("endTime").map(ms -> Instant.ofEpochMilli(ms + 1)).orElse(clock.instant().plusSeconds(60));
        Instant from = r.number("startTime").map(Instant::ofEpochMilli).orElse(to.minusSeconds(60 * limit));
        List<Candle> candles = exchange.candles(symbol, from, to);
        List<Candle> wanted = r.number("startTime").isPresent() ? candles.stream().limit(limit).toList()
                : candles.subList((int) Math.max(0, candles.size() - limit), candles.size());
        ArrayNode a = BinanceShapes.MAPPER.createArrayNode();
        wanted.forEach(c -> a.add(BinanceShapes.kline(c)));
        return a;
    }
}
