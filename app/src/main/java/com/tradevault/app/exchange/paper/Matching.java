package com.tradevault.app.exchange.paper;

import com.tradevault.app.exchange.Balance;
import com.tradevault.app.exchange.Candle;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.OrderRejected.Reason;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.exchange.SymbolRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The matching engine against a price feed (no order book): market orders
 * fill at the last price; a limit fills when the price reaches it (at the last
 * price if it was marketable when placed or triggered, else at its limit); a
 * contingent order triggers when the price reaches its stop price (or, with a
 * {@code trailingDelta}, when the price has moved that far back from the best
 * price since it started tracking), then fills at that tick's price
 * (STOP_LOSS, TAKE_PROFIT) or rests as a limit (STOP_LOSS_LIMIT,
 * TAKE_PROFIT_LIMIT): a stop-limit whose price gapped through its limit stays
 * open, working and unfilled. Orders fill whole. Open orders lock what they
 * may spend: the quote amount of a buy, the base quantity of a sell. Fees are
 * charged in the asset received. Callers run each method inside one store
 * transaction.
 */
final class Matching {

    private static final String INSUFFICIENT = "Account has insufficient balance for requested action.";
    private static final Duration AVERAGE_WINDOW = Duration.ofMinutes(5);

    private final PaperStore store;
    private final PaperSettings settings;
    private final Clock clock;
    private final List<Fill> fills = new ArrayList<>();

    Matching(PaperStore store, PaperSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    SymbolRules rules(String symbol) {
        if (!settings.symbols().contains(symbol)) {
            throw new OrderRejected(Reason.UNKNOWN_SYMBOL, OrderChecks.INVALID_SYMBOL, "Invalid symbol.");
        }
        VenueRules venue = settings.venue();
        return new SymbolRules(symbol, settings.baseAsset(symbol), settings.quoteAsset(), settings.tickSize(),
                settings.stepSize(), settings.minQuantity(), settings.minNotional(), Set.copyOf(venue.orderTypes()),
                venue.allowTrailingStop(), venue.cancelReplaceAllowed(), Optional.of(venue.priceBand()),
                Optional.of(new SymbolRules.DeltaRange(VenueRules.MIN_TRAILING_DELTA, VenueRules.MAX_TRAILING_DELTA)));
    }

    BigDecimal lastPrice(String symbol) throws SQLException {
        rules(symbol);
        return store.lastPrice(symbol).orElseThrow().price();
    }

    /** The mean of the one-minute closes of the last five minutes (Binance weights by volume; a feed has none). */
    BigDecimal averagePrice(String symbol) throws SQLException {
        Instant now = clock.instant();
        List<Candle> recent = store.candles(symbol, now.minus(AVERAGE_WINDOW).truncatedTo(ChronoUnit.MINUTES),
                now.plusSeconds(60));
        if (recent.isEmpty()) {
            return lastPrice(symbol);
        }
        BigDecimal sum = recent.stream().map(Candle::close).reduce(BigDecimal.ZERO, BigDecimal::add);
        return EightDecimals.plain(sum.divide(BigDecimal.valueOf(recent.size()), EightDecimals.SCALE, RoundingMode.HALF_EVEN));
    }

    /** Places {@code request}; {@code origQuoteQty} is the quote amount a MARKET order was given in (else zero). */
    PaperOrder place(OrderRequest request, BigDecimal origQuoteQty) throws SQLException {
        SymbolRules rules = rules(request.symbol());
        BigDecimal last = lastPrice(request.symbol());
        OrderChecks.check(request, rules, last, averagePrice(request.symbol()));
        if (store.openOrderByClientId(request.clientOrderId().value()).isPresent()) {
            throw new OrderRejected(Reason.DUPLICATE_CLIENT_ORDER_ID, OrderChecks.NEW_ORDER_REJECTED,
                    "Duplicate order sent.");
        }
        String asset = request.side() == Side.BUY ? rules.quoteAsset() : rules.baseAsset();
        BigDecimal amount = reservation(request, last);
        lock(asset, amount);
        Instant now = clock.instant();
        boolean contingent = Contingent.is(request.type());
        PaperOrder order = new PaperOrder(0, request.symbol(), request.clientOrderId(), request.side(),
                request.type(), OrderStatus.NEW, EightDecimals.plain(request.quantity()), BigDecimal.ZERO, BigDecimal.ZERO,
                request.price().map(EightDecimals::plain), request.stopPrice().map(EightDecimals::plain), false, asset, amount, now, now,
                request.trailingDelta(), Optional.empty(), EightDecimals.plain(origQuoteQty),
                contingent ? Optional.empty() : Optional.of(now));
        return match(order.withId(store.insertOrder(order)), last, true);
    }

    /** What an order reserves: the base quantity of a sell; quantity × (limit, stop or last price) of a buy. */
    private static BigDecimal reservation(OrderRequest request, BigDecimal last) {
        if (request.side() == Side.SELL) {
            return request.quantity();
        }
        BigDecimal price = request.price().or(request::stopPrice).orElse(last);
        return EightDecimals.up(request.quantity().multiply(price));
    }

    private void lock(String asset, BigDecimal amount) throws SQLException {
        Balance b = store.balance(asset);
        if (b.free().compareTo(amount) < 0) {
            throw new OrderRejected(Reason.INSUFFICIENT_BALANCE, OrderChecks.NEW_ORDER_REJECTED, INSUFFICIENT);
        }
        store.putBalance(new Balance(asset, b.free().subtract(amount), b.locked().add(amount)));
    }

    /** Matches every open order of {@code symbol} against a new price, oldest first. */
    void onPrice(String symbol, BigDecimal price) throws SQLException {
        for (PaperOrder order : store.openOrders(Optional.of(symbol))) {
            match(order, price, false);
        }
    }

    private PaperOrder match(PaperOrder order, BigDecimal price, boolean justPlaced) throws SQLException {
        boolean active = justPlaced;
        if (order.awaitsTrigger()) {
            PaperOrder moved = advanceTrigger(order, price);
            if (!moved.equals(order)) {
                store.updateOrder(moved);
            }
            if (moved.awaitsTrigger()) {
                return moved;
            }
            order = moved;
            active = true;
        }
        if (!order.restsAsLimit()) {
            return fill(order, price);
        }
        BigDecimal limit = order.price().orElseThrow();
        if (!OrderChecks.limitCrossed(order.side(), limit, price)) {
            return order;
        }
        return fill(order, active ? price : limit);
    }

    /**
     * A contingent order after the price {@code price}: triggered, tracking from a new extreme, or as it was.
     * A trailing order starts tracking when its stop price is reached (at once without one), the first price
     * that meets the condition setting its extreme (trailing-stop FAQ).
     */
    private PaperOrder advanceTrigger(PaperOrder order, BigDecimal price) {
        Optional<BigDecimal> stop = order.stopPrice();
        boolean stopReached = stop.isEmpty() || Contingent.reached(order.type(), order.side(), stop.get(), price);
        if (order.trailingDelta().isEmpty()) {
            return stopReached ? order.triggered(clock.instant()) : order;
        }
        if (order.trailExtreme().isEmpty()) {
            return stopReached ? order.tracking(price) : order;
        }
        BigDecimal extreme = Contingent.extreme(order.side(), order.trailExtreme().get(), price);
        if (Contingent.trailed(order.side(), order.trailingDelta().get(), extreme, price)) {
            return order.tracking(extreme).triggered(clock.instant());
        }
        return extreme.compareTo(order.trailExtreme().get()) == 0 ? order : order.tracking(extreme);
    }

    private PaperOrder fill(PaperOrder order, BigDecimal price) throws SQLException {
        BigDecimal quantity = order.quantity().subtract(order.executed());
        BigDecimal quote = EightDecimals.plain(quantity.multiply(price).setScale(EightDecimals.SCALE, RoundingMode.HALF_EVEN));
        Balance locked = store.balance(order.lockedAsset());
        BigDecimal available = locked.free().add(order.locked());
        BigDecimal spent = order.side() == Side.BUY ? quote : quantity;
        if (available.compareTo(spent) < 0) {
            return end(order, OrderStatus.EXPIRED);
        }
        store.putBalance(new Balance(order.lockedAsset(), available.subtract(spent),
                locked.locked().subtract(order.locked())));
        ExchangeTrade t = credit(order, quantity, quote, price);
        ExchangeTrade trade = new ExchangeTrade(t.symbol(), store.insertTrade(t), t.exchangeOrderId(), t.side(),
                t.price(), t.quantity(), t.commission(), t.commissionAsset(), t.time());
        PaperOrder filled = order.filled(order.cumulativeQuote().add(quote), trade.time());
        store.updateOrder(filled);
        fills.add(new Fill(filled.view(), trade));
        return filled;
    }

    /** A fill and the order it filled, as reported to fill listeners. */
    record Fill(ExchangeOrder order, ExchangeTrade trade) {
    }

    /** The fills made since the last call; the caller reports them once its transaction committed. */
    List<Fill> drainFills() {
        List<Fill> made = List.copyOf(fills);
        fills.clear();
        return made;
    }

    /** Credits what the fill buys, less the fee, and returns the trade (its id is given by the store). */
    private ExchangeTrade credit(PaperOrder order, BigDecimal quantity, BigDecimal quote, BigDecimal price)
            throws SQLException {
        SymbolRules rules = rules(order.symbol());
        boolean buy = order.side() == Side.BUY;
        String asset = buy ? rules.baseAsset() : rules.quoteAsset();
        BigDecimal gross = buy ? quantity : quote;
        BigDecimal fee = EightDecimals.down(gross.multiply(settings.feeRate()));
        Balance b = store.balance(asset);
        store.putBalance(new Balance(asset, b.free().add(gross).subtract(fee), b.locked()));
        return new ExchangeTrade(order.symbol(), 0, Long.toString(order.id()), order.side(), price, quantity, fee,
                asset, clock.instant());
    }

    /** Cancels an open order, releasing what it locked. */
    PaperOrder cancel(PaperOrder order) throws SQLException {
        return end(order, OrderStatus.CANCELED);
    }

    private PaperOrder end(PaperOrder order, OrderStatus status) throws SQLException {
        Balance b = store.balance(order.lockedAsset());
        store.putBalance(new Balance(order.lockedAsset(), b.free().add(order.locked()),
                b.locked().subtract(order.locked())));
        PaperOrder ended = order.ended(status, clock.instant());
        store.updateOrder(ended);
        return ended;
    }
}
