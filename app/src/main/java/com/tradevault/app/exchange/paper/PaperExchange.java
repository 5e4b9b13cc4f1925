package com.tradevault.app.exchange.paper;

import com.tradevault.app.exchange.Balance;
import com.tradevault.app.exchange.Candle;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.ExchangeUnavailable;
import com.tradevault.app.exchange.NoSuchOrder;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.exchange.paper.CancelReplace.Mode;
import com.tradevault.app.exchange.paper.CancelReplace.OrderRef;
import com.tradevault.app.exchange.paper.CancelReplace.Placed;
import com.tradevault.app.exchange.paper.CancelReplace.Restriction;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper exchange: a venue simulated in-process, with its own durable state
 * in its own SQLite file (see {@link PaperSettings#stateFile()}), so that it
 * survives restarts of the bot and of itself.
 *
 * <p>Open it with {@link #open(PaperSettings, Clock)}. Prices move one step per
 * {@link #tick()}: tests call it (or {@link #advance(int)}) for deterministic
 * runs; live use calls {@link #startTicker()}, which ticks every
 * {@code paper.feed.tick-interval} on a background thread until {@link #close()}.
 * Every method is thread-safe; each state change is one durable transaction.
 * Matching rules are described on the engine ({@code Matching}).
 */
public final class PaperExchange implements Exchange, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PaperExchange.class);

    private final PaperSettings settings;
    private final Clock clock;
    private final StateLock lock;
    private final PaperStore store;
    private final Matching matching;
    private final VenueOrders orders;
    private final PriceFeed feed;
    private final List<FillListener> fillListeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService ticker;
    private boolean closed;

    private PaperExchange(PaperSettings settings, Clock clock, StateLock lock, PaperStore store, PriceFeed feed) {
        this.settings = settings;
        this.clock = clock;
        this.lock = lock;
        this.store = store;
        this.feed = feed;
        this.matching = new Matching(store, settings, clock);
        this.orders = new VenueOrders(store, matching);
    }

    /**
     * Opens (creating if missing) the state file and takes its lock. A new file
     * starts with the configured balances and start price.
     *
     * @throws TradevaultException LOCKED if another process uses the file, FAILURE if it cannot be opened
     */
    public static PaperExchange open(PaperSettings settings, Clock clock) {
        PriceFeed feed = settings.feed().kind().equals(PaperSettings.Feed.CSV)
                ? CsvReplay.load(settings.feed().csvFile().orElseThrow(), settings.tickSize())
                : new RandomWalk(settings.feed().seed(), settings.feed().drift(), settings.feed().volatility(),
                        settings.tickSize());
        StateLock lock = StateLock.acquire(settings.stateFile());
        PaperStore store = null;
        try {
            store = PaperStore.open(settings.stateFile());
            PaperExchange exchange = new PaperExchange(settings, clock, lock, store, feed);
            exchange.initialize();
            return exchange;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(store);
            lock.close();
            throw e instanceof TradevaultException te ? te : new TradevaultException(Outcome.FAILURE,
                    "cannot open the paper exchange state " + settings.stateFile() + ": " + e.getMessage(),
                    "check the file, or move it aside to start a new paper account", e);
        }
    }

    private static void closeQuietly(PaperStore store) {
        try {
            if (store != null) {
                store.close();
            }
        } catch (SQLException ignored) {
            // the opening failure is what the caller must see
        }
    }

    private void initialize() throws SQLException {
        store.transaction(() -> {
            boolean fresh = store.isNew();
            if (fresh) {
                store.putBalance(new Balance(settings.quoteAsset(), settings.initialQuote(), BigDecimal.ZERO));
            }
            for (String symbol : settings.symbols()) {
                if (store.lastPrice(symbol).isEmpty()) {
                    store.recordPrice(symbol, settings.startPrice(), 0, clock.instant());
                }
                String base = settings.baseAsset(symbol);
                if (!store.balances().containsKey(base)) {
                    store.putBalance(new Balance(base, settings.initialBase(), BigDecimal.ZERO));
                }
            }
            return null;
        });
    }

    /** The settings this exchange was opened with. */
    public PaperSettings settings() {
        return settings;
    }

    /** Moves every symbol's price one feed step and fills what the new prices reach. */
    public synchronized void tick() {
        if (closed) {
            return;
        }
        write(() -> {
            for (String symbol : settings.symbols()) {
                PaperStore.LastPrice last = store.lastPrice(symbol).orElseThrow();
                long tick = last.ticks() + 1;
                BigDecimal price = feed.next(symbol, last.price(), tick);
                store.recordPrice(symbol, price, tick, clock.instant());
                matching.onPrice(symbol, price);
            }
            return null;
        });
    }

    /** Runs {@code ticks} ticks in a row. */
    public void advance(int ticks) {
        for (int i = 0; i < ticks; i++) {
            tick();
        }
    }

    /**
     * Sets a symbol's price by hand (tests, demos) and fills what it reaches; the feed continues from it.
     *
     * @return the price set: {@code price} rounded down to the tick size
     */
    public synchronized BigDecimal setPrice(String symbol, BigDecimal price) {
        return write(() -> {
            BigDecimal rounded = EightDecimals.plain(matching.rules(symbol).floorPrice(price).max(settings.tickSize()));
            long ticks = store.lastPrice(symbol).orElseThrow().ticks();
            store.recordPrice(symbol, rounded, ticks, clock.instant());
            matching.onPrice(symbol, rounded);
            return rounded;
        });
    }

    /** Cancels every open order (of one symbol, or all), as a venue does during maintenance. */
    public synchronized List<ExchangeOrder> cancelAll(Optional<String> symbol) {
        return write(() -> {
            List<ExchangeOrder> cancelled = new ArrayList<>();
            for (PaperOrder o : store.openOrders(symbol)) {
                cancelled.add(matching.cancel(o).view());
            }
            return cancelled;
        });
    }

    /**
     * Everything the venue holds, for {@code paper-exchange dump} and for comparing with the ledger.
     *
     * @param orders   every order, oldest first
     * @param trades   every fill, oldest first
     * @param balances free and locked per asset
     * @param prices   last price per symbol
     */
    public record Contents(List<ExchangeOrder> orders, List<ExchangeTrade> trades, Map<String, Balance> balances,
                           Map<String, BigDecimal> prices) {
    }

    /** All orders, all fills, balances and last prices, read in one go. */
    public synchronized Contents snapshot() {
        return read(() -> {
            Map<String, BigDecimal> prices = new LinkedHashMap<>();
            for (String symbol : settings.symbols()) {
                prices.put(symbol, matching.lastPrice(symbol));
            }
            return new Contents(store.allOrders(Optional.empty()).stream().map(PaperOrder::view).toList(),
                    store.trades(Optional.empty(), -1), store.balances(), prices);
        });
    }

    /** Starts ticking every {@code paper.feed.tick-interval} on a daemon thread; stopped by {@link #close()}. */
    public synchronized void startTicker() {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "paper-exchange-ticker");
            t.setDaemon(true);
            return t;
        });
        long ms = settings.feed().tickInterval().toMillis();
        ticker.scheduleAtFixedRate(this::tickLogged, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void tickLogged() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("paper exchange tick failed; next tick tries again: {}", e.getMessage());
        }
    }

    @Override
    public ExchangeOrder place(OrderRequest request) {
        return placeOrder(request).order().view();
    }

    /** Places an order; answers it with the fills its placement made. */
    public synchronized Placed placeOrder(OrderRequest request) {
        return write(() -> orders.place(request, Optional.empty()));
    }

    /**
     * Places a MARKET order for the quote amount {@code quoteQty} (Binance {@code quoteOrderQty}): the
     * quantity is as much as that amount buys (or must sell) at the last price, rounded down to the lot
     * size. {@code template}'s quantity is ignored.
     */
    public synchronized Placed placeByQuote(OrderRequest template, BigDecimal quoteQty) {
        return write(() -> orders.place(template, Optional.of(quoteQty)));
    }

    @Override
    public ExchangeOrder cancel(String symbol, ClientOrderId clientOrderId) {
        return cancelOrder(symbol, OrderRef.of(clientOrderId), Optional.empty()).view();
    }

    /**
     * Cancels an open order.
     *
     * @throws NoSuchOrder    no open order of {@code symbol} answers to {@code ref}
     * @throws OrderRejected  -2011 when the order's status does not pass {@code restriction}
     */
    public synchronized PaperOrder cancelOrder(String symbol, OrderRef ref, Optional<Restriction> restriction) {
        return write(() -> orders.cancel(symbol, ref, restriction));
    }

    /**
     * Cancels an order and places another in one transaction, so that no moment exists (not even on the
     * state file) with the old order gone and the new one not there: Binance's cancel-replace. A refused
     * new order leaves the cancel done, as on Binance.
     */
    public synchronized CancelReplace.Outcome cancelReplace(String symbol, OrderRef cancel,
            Optional<Restriction> restriction, Mode mode, OrderRequest replacement, Optional<BigDecimal> quoteQty) {
        return write(() -> Replacing.cancelReplace(orders, symbol, cancel, restriction, mode, replacement, quoteQty));
    }

    /**
     * Cancel-replace in one step where the settings allow it ({@code paper.cancel-replace-allowed}), with
     * {@code STOP_ON_FAILURE} and {@code ONLY_NEW}; else the port's cancel-then-place.
     */
    @Override
    public synchronized ExchangeOrder replace(String symbol, ClientOrderId cancel, OrderRequest replacement) {
        if (!settings.venue().cancelReplaceAllowed()) {
            return Exchange.super.replace(symbol, cancel, replacement);
        }
        return Replacing.replace(this, symbol, cancel, replacement);
    }

    /** The order {@code ref} names (by client id: the newest with that id), if any. */
    public synchronized Optional<PaperOrder> find(String symbol, OrderRef ref) {
        return read(() -> orders.find(symbol, ref));
    }

    @Override
    public Optional<ExchangeOrder> orderByClientId(String symbol, ClientOrderId clientOrderId) {
        return find(symbol, OrderRef.of(clientOrderId)).map(PaperOrder::view);
    }

    @Override
    public Optional<ExchangeOrder> orderByExchangeId(String symbol, String exchangeOrderId) {
        long id;
        try {
            id = Long.parseLong(exchangeOrderId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return find(symbol, new OrderRef(Optional.of(id), Optional.empty())).map(PaperOrder::view);
    }

    @Override
    public List<ExchangeOrder> openOrders(Optional<String> symbol) {
        return openOrdersOf(symbol).stream().map(PaperOrder::view).toList();
    }

    /** Open orders (of one symbol, or all), oldest first. */
    public synchronized List<PaperOrder> openOrdersOf(Optional<String> symbol) {
        return read(() -> {
            symbol.ifPresent(matching::rules);
            return store.openOrders(symbol);
        });
    }

    @Override
    public List<ExchangeOrder> allOrders(String symbol) {
        return ordersOf(symbol).stream().map(PaperOrder::view).toList();
    }

    /** Every order of a symbol, oldest first. */
    public synchronized List<PaperOrder> ordersOf(String symbol) {
        return read(() -> {
            matching.rules(symbol);
            return store.allOrders(Optional.of(symbol));
        });
    }

    @Override
    public synchronized List<ExchangeTrade> tradesAfter(String symbol, long afterTradeId) {
        return read(() -> store.trades(Optional.of(symbol), afterTradeId));
    }

    @Override
    public synchronized BigDecimal lastPrice(String symbol) {
        return read(() -> matching.lastPrice(symbol));
    }

    /** The mean of the last five one-minute closes, the price PERCENT_PRICE_BY_SIDE is measured from. */
    @Override
    public synchronized BigDecimal averagePrice(String symbol) {
        return read(() -> {
            matching.rules(symbol);
            return matching.averagePrice(symbol);
        });
    }

    @Override
    public synchronized Map<String, BigDecimal> lastPrices() {
        return read(() -> {
            Map<String, BigDecimal> all = new LinkedHashMap<>();
            for (String symbol : settings.symbols()) {
                all.put(symbol, store.lastPrice(symbol).orElseThrow().price());
            }
            return all;
        });
    }

    /** Candles whose minute overlaps [from, to): the candle holding {@code from} is included. */
    @Override
    public synchronized List<Candle> candles(String symbol, Instant from, Instant to) {
        return read(() -> {
            matching.rules(symbol);
            return store.candles(symbol, from.truncatedTo(ChronoUnit.MINUTES), to);
        });
    }

    @Override
    public synchronized Map<String, Balance> balances() {
        return read(store::balances);
    }

    @Override
    public SymbolRules rules(String symbol) {
        return matching.rules(symbol);
    }

    @Override
    public Instant serverTime() {
        return clock.instant();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        try {
            store.close();
        } catch (SQLException e) {
            LOG.warn("closing the paper exchange state {} failed: {}", settings.stateFile(), e.getMessage());
        } finally {
            lock.close();
        }
    }

    /** Runs {@code work} in one transaction, then tells the fill listeners what it filled. */
    private <T> T write(PaperStore.Work<T> work) {
        matching.drainFills();
        T result = read(() -> store.transaction(work));
        for (Matching.Fill fill : matching.drainFills()) {
            fillListeners.forEach(l -> l.filled(fill.order(), fill.trade()));
        }
        return result;
    }

    /** Told of every fill once it is durable (e.g. to log it); called on the thread that caused it. */
    public interface FillListener {
        void filled(ExchangeOrder order, ExchangeTrade trade);
    }

    /** Adds a listener told of every fill from now on. */
    public void onFill(FillListener listener) {
        fillListeners.add(listener);
    }

    private <T> T read(PaperStore.Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new ExchangeUnavailable("paper exchange state " + settings.stateFile() + " failed: "
                    + e.getMessage(), Optional.empty(), e);
        }
    }
}
