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

    /**
     * Cancels the open order {@code cancel} and places {@code replacement} in
     * its stead, in one request where the venue offers it (Binance
     * {@code cancelReplace} with {@code STOP_ON_FAILURE} and
     * {@code cancelRestrictions=ONLY_NEW}), so that a moved stop is gone for as
     * short a time as possible. Returns the new order.
     *
     * <p>This default is the fallback for venues without it: cancel, then
     * place. Either way a {@link ReplaceFailed} says which half failed.
     */
    default ExchangeOrder replace(String symbol, ClientOrderId cancel, OrderRequest replacement) {
        ExchangeOrder cancelled;
        try {
            cancelled = cancel(symbol, cancel);
        } catch (ExchangeException e) {
            throw new ReplaceFailed("cancel of " + cancel + " failed: " + e.getMessage(), Optional.empty(), e);
        }
        if (cancelled.status() != OrderStatus.CANCELED) {
            throw new ReplaceFailed("order " + cancel + " was no longer open to cancel (" + cancelled.status() + ")",
                    Optional.empty(), null);
        }
        try {
            return place(replacement);
        } catch (ExchangeException e) {
            throw new ReplaceFailed(cancel + " was cancelled but its replacement failed: " + e.getMessage(),
                    Optional.of(cancelled), e);
        }
    }

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

    /**
     * The weighted average price that PERCENT_PRICE_BY_SIDE bands are measured
     * from (Binance {@code GET /api/v3/avgPrice}); venues without one answer
     * the last price.
     */
    default BigDecimal averagePrice(String symbol) {
        return lastPrice(symbol);
    }

    /** One-minute candles from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    List<Candle> candles(String symbol, Instant from, Instant to);

    /** Balances per asset. */
    Map<String, Balance> balances();

    /** Tick size, lot size, minimums and assets of a symbol. */
    SymbolRules rules(String symbol);

    /** The venue's clock. */
    Instant serverTime();

    /**
     * Whether the account may trade, its permissions and balances. This
     * default, for venues without account permissions, says it may.
     */
    default AccountStatus account() {
        return new AccountStatus(true, List.of(), balances());
    }

    /** The request weight used in the venue's current window, where the venue counts it. */
    default Optional<RequestWeight> requestWeight() {
        return Optional.empty();
    }

    /**
     * What asking for open orders costs against the venue's request-weight
     * limit: for one symbol, or ({@code allSymbols}) for all at once. Venues
     * that count no weight answer 0, and callers then ask once for all.
     */
    default int openOrdersWeight(boolean allSymbols) {
        return 0;
    }
}
