package com.tradevault.app.exchange.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradevault.app.exchange.ApiCredentials;
import com.tradevault.app.exchange.Balance;
import com.tradevault.app.exchange.Candle;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeSettings;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.NoSuchOrder;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.exchange.UnknownOutcome;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Binance Spot REST adapter ({@code /api/v3}), for Binance, its public
 * testnet (https://testnet.binance.vision) or a {@code tradevault
 * paper-exchange serve}. Orders carry the caller's client order id
 * ({@code newClientOrderId}); when a placement's answer is lost the adapter
 * asks for the order by that id and returns it if the venue has it, else
 * reports {@link UnknownOutcome}. Transport rules are in {@code BinanceHttp}.
 */
public final class BinanceExchange implements Exchange {

    private static final int PAGE = 1000;

    private final BinanceHttp http;
    private final Map<String, SymbolRules> rules = new ConcurrentHashMap<>();

    public BinanceExchange(URI baseUrl, Optional<ApiCredentials> credentials, ExchangeSettings settings, Clock clock) {
        this.http = new BinanceHttp(baseUrl, credentials, settings, clock);
    }

    @Override
    public ExchangeOrder place(OrderRequest r) {
        Map<String, String> p = params("symbol", r.symbol(), "side", r.side().name(), "type", r.type().name(),
                "quantity", r.quantity().toPlainString());
        r.price().ifPresent(v -> p.put("price", v.toPlainString()));
        r.stopPrice().ifPresent(v -> p.put("stopPrice", v.toPlainString()));
        if (r.type() == OrderType.LIMIT || r.type() == OrderType.STOP_LOSS_LIMIT) {
            p.put("timeInForce", "GTC");
        }
        p.put("newClientOrderId", r.clientOrderId().value());
        p.put("newOrderRespType", "RESULT");
        try {
            return BinanceJson.order(http.signed("POST", "/api/v3/order", p));
        } catch (UnknownOutcome lost) {
            return recover(r, lost);
        }
    }

    /** The answer was lost: if the venue has the order, that is the answer; if not, the outcome stays unknown. */
    private ExchangeOrder recover(OrderRequest r, UnknownOutcome lost) {
        return askAfterLoss(r.symbol(), r.clientOrderId(), lost).orElseThrow(() -> lost);
    }

    private Optional<ExchangeOrder> askAfterLoss(String symbol, ClientOrderId id, UnknownOutcome lost) {
        try {
            return orderByClientId(symbol, id);
        } catch (RuntimeException e) {
            lost.addSuppressed(e);
            throw lost;
        }
    }

    /** Cancels; when the answer is lost, the order's state is asked for and returned if it is final. */
    @Override
    public ExchangeOrder cancel(String symbol, ClientOrderId clientOrderId) {
        try {
            return BinanceJson.order(http.signed("DELETE", "/api/v3/order",
                    params("symbol", symbol, "origClientOrderId", clientOrderId.value())));
        } catch (UnknownOutcome lost) {
            Optional<ExchangeOrder> now = askAfterLoss(symbol, clientOrderId, lost);
            return now.filter(o -> !o.status().isOpen()).orElseThrow(() -> lost);
        }
    }

    @Override
    public Optional<ExchangeOrder> orderByClientId(String symbol, ClientOrderId clientOrderId) {
        return lookup(params("symbol", symbol, "origClientOrderId", clientOrderId.value()));
    }

    @Override
    public Optional<ExchangeOrder> orderByExchangeId(String symbol, String exchangeOrderId) {
        return lookup(params("symbol", symbol, "orderId", exchangeOrderId));
    }

    private Optional<ExchangeOrder> lookup(Map<String, String> params) {
        try {
            return Optional.of(BinanceJson.order(http.signed("GET", "/api/v3/order", params)));
        } catch (NoSuchOrder e) {
            return Optional.empty();
        }
    }

    @Override
    public List<ExchangeOrder> openOrders(Optional<String> symbol) {
        Map<String, String> p = symbol.map(s -> params("symbol", s)).orElse(params());
        return list(http.signed("GET", "/api/v3/openOrders", p), BinanceJson::order);
    }

    @Override
    public List<ExchangeOrder> allOrders(String symbol) {
        List<ExchangeOrder> all = new ArrayList<>();
        List<ExchangeOrder> page;
        long fromId = 0;
        do {
            page = list(http.signed("GET", "/api/v3/allOrders", params("symbol", symbol, "orderId",
                    Long.toString(fromId), "limit", Integer.toString(PAGE))), BinanceJson::order);
            all.addAll(page);
            fromId = page.isEmpty() ? fromId : Long.parseLong(page.get(page.size() - 1).exchangeOrderId()) + 1;
        } while (page.size() == PAGE);
        return all;
    }

    @Override
    public List<ExchangeTrade> tradesAfter(String symbol, long afterTradeId) {
        List<ExchangeTrade> all = new ArrayList<>();
        List<ExchangeTrade> page;
        long fromId = Math.max(0, afterTradeId + 1);
        do {
            page = list(http.signed("GET", "/api/v3/myTrades", params("symbol", symbol, "fromId",
                    Long.toString(fromId), "limit", Integer.toString(PAGE))), BinanceJson::trade);
            all.addAll(page);
            fromId = page.isEmpty() ? fromId : page.get(page.size() - 1).tradeId() + 1;
        } while (page.size() == PAGE);
        return all;
    }

    @Override
    public BigDecimal lastPrice(String symbol) {
        return BinanceJson.decimal(http.get("/api/v3/ticker/price", params("symbol", symbol)).get("price"));
    }

    /** One {@code GET /api/v3/ticker/price} without a symbol: Binance answers with every symbol (weight 4). */
    @Override
    public Map<String, BigDecimal> lastPrices() {
        Map<String, BigDecimal> all = new LinkedHashMap<>();
        http.get("/api/v3/ticker/price", params()).forEach(t -> all.put(t.get("symbol").asText(),
                BinanceJson.decimal(t.get("price"))));
        return all;
    }

    /** Klines of every minute overlapping [from, to), fetched in pages of 1000. */
    @Override
    public List<Candle> candles(String symbol, Instant from, Instant to) {
        List<Candle> all = new ArrayList<>();
        Instant start = from.truncatedTo(ChronoUnit.MINUTES);
        List<Candle> page;
        do {
            page = list(http.get("/api/v3/klines", params("symbol", symbol, "interval", "1m", "startTime",
                    Long.toString(start.toEpochMilli()), "endTime", Long.toString(to.toEpochMilli() - 1),
                    "limit", Integer.toString(PAGE))), BinanceJson::kline);
            page.stream().filter(c -> c.openTime().isBefore(to)).forEach(all::add);
            start = page.isEmpty() ? to : page.get(page.size() - 1).openTime().plus(1, ChronoUnit.MINUTES);
        } while (page.size() == PAGE && start.isBefore(to));
        return all;
    }

    @Override
    public Map<String, Balance> balances() {
        Map<String, Balance> all = new LinkedHashMap<>();
        http.signed("GET", "/api/v3/account", params()).path("balances")
                .forEach(b -> all.put(b.get("asset").asText(), BinanceJson.balance(b)));
        return all;
    }

    @Override
    public SymbolRules rules(String symbol) {
        return rules.computeIfAbsent(symbol, s -> SymbolFilters.rules(
                http.get("/api/v3/exchangeInfo", params("symbol", s)).path("symbols").get(0)));
    }

    @Override
    public Instant serverTime() {
        return Instant.ofEpochMilli(http.get("/api/v3/time", params()).get("serverTime").asLong());
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        array.forEach(n -> out.add(read.apply(n)));
        return out;
    }

    private static Map<String, String> params(String... keyValues) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }
}
