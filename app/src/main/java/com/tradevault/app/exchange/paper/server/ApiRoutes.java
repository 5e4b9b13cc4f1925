package com.tradevault.app.exchange.paper.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.NoSuchOrder;
import com.tradevault.app.exchange.binance.BinanceErrors;
import com.tradevault.app.exchange.binance.BinanceJson;
import com.tradevault.app.exchange.paper.PaperExchange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The Binance Spot {@code /api/v3} endpoints, answered by the paper engine. */
final class ApiRoutes {

    private final PaperExchange exchange;
    private final SignedRequests signed;
    private final Clock clock;
    private final OrderParameters orders;

    ApiRoutes(PaperExchange exchange, SignedRequests signed, Clock clock) {
        this.exchange = exchange;
        this.signed = signed;
        this.clock = clock;
        this.orders = new OrderParameters(exchange);
    }

    JsonNode handle(ApiRequest r) {
        String route = r.method() + " " + r.path();
        return switch (route) {
            case "GET /api/v3/ping" -> BinanceJson.MAPPER.createObjectNode();
            case "GET /api/v3/time" -> BinanceJson.MAPPER.createObjectNode().put("serverTime", clock.millis());
            case "GET /api/v3/exchangeInfo" -> ExchangeInfo.of(exchange, r.optional("symbol"), clock);
            case "GET /api/v3/ticker/price" -> tickerPrice(r);
            case "GET /api/v3/klines" -> klines(r);
            default -> signedRoute(route, r);
        };
    }

    private JsonNode signedRoute(String route, ApiRequest r) {
        switch (route) {
            case "POST /api/v3/order", "GET /api/v3/order", "DELETE /api/v3/order", "GET /api/v3/openOrders",
                    "GET /api/v3/allOrders", "GET /api/v3/myTrades", "GET /api/v3/account" -> signed.check(r);
            default -> throw new ApiError(404, BinanceErrors.UNKNOWN, "Unknown endpoint " + route + ".");
        }
        return switch (route) {
            case "POST /api/v3/order" -> BinanceJson.order(exchange.place(orders.request(r)));
            case "GET /api/v3/order" -> BinanceJson.order(findOrder(r));
            case "DELETE /api/v3/order" -> BinanceJson.cancelled(cancel(r), r.optional("newClientOrderId")
                    .orElse("cancel" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)));
            case "GET /api/v3/openOrders" -> array(exchange.openOrders(r.optional("symbol").map(orders::symbol)),
                    BinanceJson::order);
            case "GET /api/v3/allOrders" -> array(allOrders(r), BinanceJson::order);
            case "GET /api/v3/myTrades" -> array(exchange.tradesAfter(orders.symbol(r.required("symbol")),
                    r.number("fromId").orElse(0L) - 1).stream().limit(limit(r)).toList(), BinanceJson::trade);
            default -> account();
        };
    }

    /** Orders with an id at or above {@code orderId} (default: all), oldest first, at most {@code limit}. */
    private List<ExchangeOrder> allOrders(ApiRequest r) {
        long fromId = r.number("orderId").orElse(0L);
        return exchange.allOrders(orders.symbol(r.required("symbol"))).stream()
                .filter(o -> Long.parseLong(o.exchangeOrderId()) >= fromId).limit(limit(r)).toList();
    }

    private static long limit(ApiRequest r) {
        return Math.max(1, Math.min(1000, r.number("limit").orElse(500L)));
    }

    private JsonNode tickerPrice(ApiRequest r) {
        Optional<String> symbol = r.optional("symbol");
        if (symbol.isPresent()) {
            return price(orders.symbol(symbol.get()));
        }
        ArrayNode all = BinanceJson.MAPPER.createArrayNode();
        exchange.lastPrices().forEach((s, p) -> all.add(price(s, p)));
        return all;
    }

    private ObjectNode price(String symbol) {
        return price(symbol, exchange.lastPrice(symbol));
    }

    private static ObjectNode price(String symbol, BigDecimal price) {
        return BinanceJson.MAPPER.createObjectNode().put("symbol", symbol).put("price", BinanceJson.decimal(price));
    }

    private JsonNode klines(ApiRequest r) {
        String symbol = orders.symbol(r.required("symbol"));
        if (!r.required("interval").equals("1m")) {
            throw ApiError.badRequest(BinanceErrors.BAD_INTERVAL, "Invalid interval.");
        }
        long limit = limit(r);
        Instant to = r.number("endTime").map(ms -> Instant.ofEpochMilli(ms + 1)).orElse(clock.instant().plusSeconds(60));
        Instant from = r.number("startTime").map(Instant::ofEpochMilli).orElse(to.minusSeconds(60 * limit));
        return array(exchange.candles(symbol, from, to).stream().limit(limit).toList(), BinanceJson::kline);
    }

    private ExchangeOrder findOrder(ApiRequest r) {
        String symbol = orders.symbol(r.required("symbol"));
        Optional<ExchangeOrder> found = r.optional("orderId").isPresent()
                ? exchange.orderByExchangeId(symbol, r.required("orderId"))
                : exchange.orderByClientId(symbol, orders.clientId(r, "origClientOrderId"));
        return found.orElseThrow(() -> ApiError.badRequest(BinanceErrors.NO_SUCH_ORDER, "Order does not exist."));
    }

    private ExchangeOrder cancel(ApiRequest r) {
        String symbol = orders.symbol(r.required("symbol"));
        try {
            ClientOrderId id = r.optional("orderId").isPresent()
                    ? exchange.orderByExchangeId(symbol, r.required("orderId")).map(ExchangeOrder::clientOrderId)
                            .orElseThrow(() -> new NoSuchOrder("Unknown order sent."))
                    : orders.clientId(r, "origClientOrderId");
            return exchange.cancel(symbol, id);
        } catch (NoSuchOrder e) {
            throw ApiError.badRequest(BinanceErrors.CANCEL_REJECTED, "Unknown order sent.");
        }
    }

    private JsonNode account() {
        ObjectNode n = BinanceJson.MAPPER.createObjectNode().put("makerCommission", 10).put("takerCommission", 10)
                .put("canTrade", true).put("canWithdraw", false).put("canDeposit", false)
                .put("updateTime", clock.millis()).put("accountType", "SPOT");
        n.set("balances", array(exchange.balances().values(), BinanceJson::balance));
        n.putArray("permissions").add("SPOT");
        return n;
    }

    static <T> ArrayNode array(Collection<T> items, Function<T, ? extends JsonNode> format) {
        ArrayNode a = BinanceJson.MAPPER.createArrayNode();
        items.forEach(i -> a.add(format.apply(i)));
        return a;
    }
}
