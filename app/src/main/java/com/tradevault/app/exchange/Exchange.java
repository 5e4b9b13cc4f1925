package com.tradevault.app.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exchange port: what the bot needs from a venue. Adapters: the paper
 * exchange (in-process or over HTTP) and the Binance Spot REST adapter.
 *
 * <p>Failures are {@link ExchangeException}s grouped by what the caller must
 * do: {@link ExchangeUnavailable} (retry later), {@link UnknownOutcome} (the
 * request may have been executed: look the order up by client id before ever
 * sending again), {@link OrderRejected} (the venue refused: a business
 * answer), {@link NoSuchOrder}.
 */
public interface Exchange {

    /** Places an order under the caller's client order id. */
    ExchangeOrder place(OrderRequest request);

    /** Cancels an open order by client id and returns its final state. */
    ExchangeOrder cancel(String symbol, ClientOrderId clientOrderId);

    /** The order with this client id, if the venue knows it. */
    Optional<ExchangeOrder> orderByClientId(String symbol, ClientOrderId clientOrderId);

    /** The order with this exchange id, if the venue knows it. */
    Optional<ExchangeOrder> orderByExchangeId(String symbol, String exchangeOrderId);

    /** Open orders, of one symbol or (empty) of all. */
    List<ExchangeOrder> openOrders(Optional<String> symbol);

    /** Every order of a symbol the venue still reports, oldest first. */
    List<ExchangeOrder> allOrders(String symbol);

    /** The account's own trades of a symbol with an id greater than {@code afterTradeId} (use -1 for all). */
    List<ExchangeTrade> tradesAfter(String symbol, long afterTradeId);

    /** The last traded price. */
    BigDecimal lastPrice(String symbol);

    /** The last traded price of every symbol the venue lists, asked for in one request. */
    Map<String, BigDecimal> lastPrices();

    /** One-minute candles from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    List<Candle> candles(String symbol, Instant from, Instant to);

    /** Balances per asset. */
    Map<String, Balance> balances();

    /** Tick size, lot size, minimums and assets of a symbol. */
    SymbolRules rules(String symbol);

    /** The venue's clock. */
    Instant serverTime();
}
