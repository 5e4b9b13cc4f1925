package com.tradevault.app.bot;

import com.tradevault.app.exchange.Balance;
import com.tradevault.app.exchange.Candle;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.exchange.paper.PaperExchange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The real in-process paper exchange with the symbol's rules as a stricter
 * venue lists them (the order types, cancel-replace, a sell price band), and
 * refusing what they do not allow with Binance's -1013, the way real BTCUSDT
 * refused STOP_LOSS for years. Counts cancel-replace requests.
 */
final class RulesOverride implements Exchange {

    static final String NOT_SUPPORTED = "Stop loss orders are not supported for this symbol.";

    private final PaperExchange paper;
    Set<OrderType> orderTypes = Set.of(OrderType.MARKET, OrderType.LIMIT, OrderType.STOP_LOSS_LIMIT);
    boolean cancelReplace;
    Optional<SymbolRules.PriceBand> sellBand = Optional.empty();
    BigDecimal averagePrice;
    final List<ClientOrderId> replaced = new ArrayList<>();
    /** When set, stop placements are refused with it: {@link #refusals} times, or always when that is 0. */
    Optional<OrderRejected> refusing = Optional.empty();
    int refusals;

    RulesOverride(PaperExchange paper) {
        this.paper = paper;
    }

    @Override
    public SymbolRules rules(String symbol) {
        SymbolRules r = paper.rules(symbol);
        return new SymbolRules(r.symbol(), r.baseAsset(), r.quoteAsset(), r.tickSize(), r.stepSize(),
                r.minQuantity(), r.minNotional(), orderTypes, false, cancelReplace, sellBand);
    }

    @Override
    public ExchangeOrder place(OrderRequest request) {
        if (!orderTypes.contains(request.type())) {
            throw new OrderRejected(OrderRejected.Reason.ORDER_TYPE_NOT_SUPPORTED, -1013, NOT_SUPPORTED);
        }
        if (refusing.isPresent() && request.type().isStop()) {
            OrderRejected refusal = refusing.get();
            if (refusals > 0 && --refusals == 0) {
                refusing = Optional.empty();
            }
            throw refusal;
        }
        return paper.place(request);
    }

    @Override
    public ExchangeOrder replace(String symbol, ClientOrderId cancel, OrderRequest replacement) {
        replaced.add(cancel);
        return Exchange.super.replace(symbol, cancel, replacement);
    }

    @Override
    public BigDecimal averagePrice(String symbol) {
        return averagePrice != null ? averagePrice : paper.lastPrice(symbol);
    }

    @Override
    public ExchangeOrder cancel(String symbol, ClientOrderId clientOrderId) {
        return paper.cancel(symbol, clientOrderId);
    }

    @Override
    public Optional<ExchangeOrder> orderByClientId(String symbol, ClientOrderId clientOrderId) {
        return paper.orderByClientId(symbol, clientOrderId);
    }

    @Override
    public Optional<ExchangeOrder> orderByExchangeId(String symbol, String exchangeOrderId) {
        return paper.orderByExchangeId(symbol, exchangeOrderId);
    }

    @Override
    public List<ExchangeOrder> openOrders(Optional<String> symbol) {
        return paper.openOrders(symbol);
    }

    @Override
    public List<ExchangeOrder> allOrders(String symbol) {
        return paper.allOrders(symbol);
    }

    @Override
    public List<ExchangeTrade> tradesAfter(String symbol, long afterTradeId) {
        return paper.tradesAfter(symbol, afterTradeId);
    }

    @Override
    public BigDecimal lastPrice(String symbol) {
        return paper.lastPrice(symbol);
    }

    @Override
    public Map<String, BigDecimal> lastPrices() {
        return paper.lastPrices();
    }

    @Override
    public List<Candle> candles(String symbol, Instant from, Instant to) {
        return paper.candles(symbol, from, to);
    }

    @Override
    public Map<String, Balance> balances() {
        return paper.balances();
    }

    @Override
    public Instant serverTime() {
        return paper.serverTime();
    }
}
