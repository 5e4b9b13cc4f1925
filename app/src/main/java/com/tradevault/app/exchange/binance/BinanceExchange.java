package com.tradevault.app.exchange.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradevault.app.exchange.AccountStatus;
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
import com.tradevault.app.exchange.RequestWeight;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.exchange.UnknownOutcome;
import com.tradevault.app.exchange.UnreadableAnswer;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Binance Spot REST adapter ({@code /api/v3}), for Binance, its public
 * testnet (https://testnet.binance.vision) or a {@code tradevault
 * paper-exchange serve}. Orders carry the caller's client order id
 * ({@code newClientOrderId}); when a placement's outcome is unknown the
 * adapter asks for the order by that id and returns it if the venue has it,
 * else reports {@link UnknownOutcome}. A stop is moved with one
 * cancel-replace where the symbol allows it ({@link CancelReplacing}).
 * Transport and rate limits are in {@code BinanceHttp}; answers are read by
 * {@code OrderAnswers}.
 */
public final class BinanceExchange implements Exchange {

    private static final int PAGE = 1000;
    private static final String ALL_ORDERS = "GET /api/v3/allOrders";
    private static final String MY_TRADES = "GET /api/v3/myTrades";
    private static final String KLINES = "GET /api/v3/klines";
    private static final String ACCOUNT = "GET /api/v3/account";

    private final BinanceHttp http;
    private final Clock clock;
    private final Map<String, SymbolRules> rules = new ConcurrentHashMap<>();

    public BinanceExchange(URI baseUrl, Optional<ApiCredentials> credentials, ExchangeSettings settings, Clock clock) {
        this(baseUrl, credentials, settings, clock, d -> Thread.sleep(d.toMillis()));
    }

    BinanceExchange(URI baseUrl, Optional<ApiCredentials> credentials, ExchangeSettings settings, Clock clock,
                    BinanceHttp.Pausing pausing) {
        this.http = new BinanceHttp(baseUrl, credentials, settings, clock, pausing);
        this.clock = clock;
    }

    @Override
    public ExchangeOrder place(OrderRequest r) {
        String what = "POST /api/v3/order";
        try {
            return placed(what, r, http.signed("POST", "/api/v3/order", newOrder(r)));
        } catch (UnknownOutcome lost) {
            return askAfterLoss(r.symbol(), r.clientOrderId(), lost).orElseThrow(() -> lost);
        }
    }

    /** The new order of a placement's answer; an ACK carries no state, so the order is asked for. */
    ExchangeOrder placed(String what, OrderRequest r, JsonNode answer) {
        if (!OrderAnswers.isAcknowledgementOnly(answer)) {
            return OrderAnswers.order(what, answer, clock.instant());
        }
        return orderByClientId(r.symbol(), r.clientOrderId()).orElseThrow(() -> new UnknownOutcome(what
                + " acknowledged " + r.clientOrderId() + " but the venue does not report it yet; ask for it by"
                + " client id before sending it again", null));
    }

    /** The parameters of a new order (POST /api/v3/order; cancelReplace adds its own). */
    static Map<String, String> newOrder(OrderRequest r) {
        Map<String, String> p = params("symbol", r.symbol(), "side", r.side().name(), "type", r.type().name(),
                "quantity", r.quantity().toPlainString());
        r.price().ifPresent(v -> p.put("price", v.toPlainString()));
        r.stopPrice().ifPresent(v -> p.put("stopPrice", v.toPlainString()));
        r.trailingDelta().ifPresent(v -> p.put("trailingDelta", Integer.toString(v)));
        if (r.type().hasLimitPrice() && r.type() != OrderType.LIMIT_MAKER) {
            p.put("timeInForce", "GTC");
        }
        p.put("newClientOrderId", r.clientOrderId().value());
        p.put("newOrderRespType", "RESULT");
        return p;
    }

    /** The order's state asked for after a lost answer; if that fails too, the outcome stays unknown. */
    Optional<ExchangeOrder> askAfterLoss(String symbol, ClientOrderId id, UnknownOutcome lost) {
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
        String what = "DELETE /api/v3/order";
        try {
            return OrderAnswers.order(what, http.signed("DELETE", "/api/v3/order",
                    params("symbol", symbol, "origClientOrderId", clientOrderId.value())), clock.instant());
        } catch (UnknownOutcome lost) {
            Optional<ExchangeOrder> now = askAfterLoss(symbol, clientOrderId, lost);
            return now.filter(o -> !o.status().isOpen()).orElseThrow(() -> lost);
        }
    }

    /**
     * Cancels {@code cancel} and places {@code replacement} in one
     * {@code POST /api/v3/order/cancelReplace} where the symbol allows it
     * ({@code cancelReplaceAllowed}); elsewhere cancel, then place.
     */
    @Override
    public ExchangeOrder replace(String symbol, ClientOrderId cancel, OrderRequest replacement) {
        if (!rules(symbol).cancelReplaceAllowed()) {
            return Exchange.super.replace(symbol, cancel, replacement);
        }
        return new CancelReplacing(this, http, clock).replace(symbol, cancel, replacement);
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
            return Optional.of(OrderAnswers.order("GET /api/v3/order", http.signed("GET", "/api/v3/order", params),
                    clock.instant()));
        } catch (NoSuchOrder e) {
            return Optional.empty();
        }
    }

    @Override
    public List<ExchangeOrder> openOrders(Optional<String> symbol) {
        Map<String, String> p = symbol.map(s -> params("symbol", s)).orElse(params());
        String what = "GET /api/v3/openOrders";
        return list(what, http.signed("GET", "/api/v3/openOrders", p), n -> OrderAnswers.order(what, n,
                clock.instant()));
    }

    @Override
    public int openOrdersWeight(boolean allSymbols) {
        return allSymbols ? RequestWeights.OPEN_ORDERS_ALL_SYMBOLS : RequestWeights.OPEN_ORDERS_ONE_SYMBOL;
    }

    @Override
    public List<ExchangeOrder> allOrders(String symbol) {
        List<ExchangeOrder> all = new ArrayList<>();
        List<ExchangeOrder> page;
        long fromId = 0;
        do {
            page = list(ALL_ORDERS, http.signed("GET", "/api/v3/allOrders", params("symbol", symbol,
                    "orderId", Long.toString(fromId), "limit", Integer.toString(PAGE))),
                    n -> OrderAnswers.order(ALL_ORDERS, n, clock.instant()));
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
            page = list(MY_TRADES, http.signed("GET", "/api/v3/myTrades", params("symbol", symbol,
                    "fromId", Long.toString(fromId), "limit", Integer.toString(PAGE))),
                    n -> OrderAnswers.trade(MY_TRADES, n));
            all.addAll(page);
            fromId = page.isEmpty() ? fromId : page.get(page.size() - 1).tradeId() + 1;
        } while (page.size() == PAGE);
        return all;
    }

    @Override
    public BigDecimal lastPrice(String symbol) {
        return new AnswerFields("GET /api/v3/ticker/price", http.get("/api/v3/ticker/price", params("symbol", symbol)))
                .decimal("price");
    }

    /** One {@code GET /api/v3/ticker/price} without a symbol: Binance answers with every symbol. */
    @Override
    public Map<String, BigDecimal> lastPrices() {
        Map<String, BigDecimal> all = new LinkedHashMap<>();
        http.get("/api/v3/ticker/price", params()).forEach(t -> {
            AnswerFields f = new AnswerFields("GET /api/v3/ticker/price", t);
            all.put(f.text("symbol"), f.decimal("price"));
        });
        return all;
    }

    /** {@code GET /api/v3/avgPrice}: the average that PERCENT_PRICE_BY_SIDE bands are measured from. */
    @Override
    public BigDecimal averagePrice(String symbol) {
        return new AnswerFields("GET /api/v3/avgPrice", http.get("/api/v3/avgPrice", params("symbol", symbol)))
                .decimal("price");
    }

    /** Klines of every minute overlapping [from, to), fetched in pages of 1000. */
    @Override
    public List<Candle> candles(String symbol, Instant from, Instant to) {
        List<Candle> all = new ArrayList<>();
        Instant start = from.truncatedTo(ChronoUnit.MINUTES);
        List<Candle> page;
        do {
            page = list(KLINES, http.get("/api/v3/klines", params("symbol", symbol, "interval", "1m",
                    "startTime", Long.toString(start.toEpochMilli()), "endTime", Long.toString(to.toEpochMilli() - 1),
                    "limit", Integer.toString(PAGE))), n -> OrderAnswers.kline(KLINES, n));
            page.stream().filter(c -> c.openTime().isBefore(to)).forEach(all::add);
            start = page.isEmpty() ? to : page.get(page.size() - 1).openTime().plus(1, ChronoUnit.MINUTES);
        } while (page.size() == PAGE && start.isBefore(to));
        return all;
    }

    @Override
    public Map<String, Balance> balances() {
        return balances(accountAnswer());
    }

    /** {@code GET /api/v3/account}: {@code canTrade}, {@code permissions} and {@code balances}. */
    @Override
    public AccountStatus account() {
        AnswerFields f = accountAnswer();
        List<String> permissions = new ArrayList<>();
        f.node().path("permissions").forEach(p -> permissions.add(p.asText()));
        return new AccountStatus(f.bool("canTrade"), permissions, balances(f));
    }

    private AnswerFields accountAnswer() {
        return new AnswerFields(ACCOUNT, http.signed("GET", "/api/v3/account", params()));
    }

    private static Map<String, Balance> balances(AnswerFields account) {
        Map<String, Balance> balances = new LinkedHashMap<>();
        account.node().path("balances").forEach(b -> {
            Balance balance = OrderAnswers.balance(ACCOUNT, b);
            balances.put(balance.asset(), balance);
        });
        return balances;
    }

    @Override
    public Optional<RequestWeight> requestWeight() {
        return http.weight();
    }

    @Override
    public SymbolRules rules(String symbol) {
        return rules.computeIfAbsent(symbol, s -> SymbolFilters.rules("GET /api/v3/exchangeInfo",
                http.get("/api/v3/exchangeInfo", params("symbol", s)).path("symbols").path(0)));
    }

    @Override
    public Instant serverTime() {
        return new AnswerFields("GET /api/v3/time", http.get("/api/v3/time", params())).time("serverTime");
    }

    private static <T> List<T> list(String endpoint, JsonNode array, Function<JsonNode, T> read) {
        if (!array.isArray()) {
            throw new UnreadableAnswer("cannot read the answer of " + endpoint + ": it is not a list but "
                    + array.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        List<T> out = new ArrayList<>();
        array.forEach(n -> out.add(read.apply(n)));
        return out;
    }

    static Map<String, String> params(String... keyValues) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }
}
