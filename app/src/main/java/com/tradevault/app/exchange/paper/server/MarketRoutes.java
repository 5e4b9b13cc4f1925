package com.tradevault.app.exchange.paper.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradevault.app.exchange.Candle;
import com.tradevault.app.exchange.paper.PaperExchange;
import java.time.Clock;
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

    private ObjectNode ticker(String symbol) {
        return Ticker24h.of(exchange, symbol, clock.instant());
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
