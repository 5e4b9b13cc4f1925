package com.tradevault.app.reconciliation;

import com.tradevault.app.exchange.Balance;
import com.tradevault.app.exchange.Candle;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.orders.UnprotectedSymbols;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Takes a {@link Observation}: reads the ledger, then asks the exchange about
 * every order and position that matters. Lookups of independent orders and
 * symbols run side by side ({@link SideBySide}), so that a thousand positions
 * are gathered in seconds, not minutes.
 */
final class Gathering {

    private final Ledger ledger;
    private final Exchange exchange;
    private final Clock clock;
    private final SideBySide sideBySide;
    private final Map<String, SymbolRules> rules = new ConcurrentHashMap<>();
    private final UnprotectedSymbols unprotected;

    Gathering(Ledger ledger, Exchange exchange, Clock clock, SideBySide sideBySide, UnprotectedSymbols unprotected) {
        this.ledger = ledger;
        this.exchange = exchange;
        this.clock = clock;
        this.sideBySide = sideBySide;
        this.unprotected = unprotected;
    }

    /**
     * Reads the balances first: between the reads the venue can only fill our
     * own resting orders (stops, which sell), so a balance read before the
     * orders holds at least what the orders read after it leave open. Read the
     * other way round, a stop filling in between showed a balance short of a
     * position still open and blocked entries on a mismatch that was not there.
     */
    Observation take() {
        Instant at = clock.instant();
        Map<String, Balance> balances = exchange.balances();
        List<Position> open = ledger.read(LedgerSession::openPositions);
        // the orders that matter and the symbols traded, not every order: a year is 50,000 orders, read at start
        List<Order> orders = ledger.read(LedgerSession::unsettledOrders);
        List<ExchangeOrder> venueOpen = venueOpenOrders(open, ledger.read(LedgerSession::orderedSymbols));
        Map<ClientOrderId, ExchangeOrder> venue = venueOrders(orders, venueOpen);
        Map<String, List<ExchangeTrade>> trades = trades(orders, venue);
        List<Position> unsure = open.stream().filter(p -> !protectedAsIs(p, orders, venue)).toList();
        return new Observation(at, open, orders, venue, venueOpen, ledgerKnows(venueOpen), trades,
                ledgerFills(trades), markets(open, unsure), highest(unsure, at), balances,
                unprotected.all(), ledger.read(LedgerSession::allDust));
    }

    /**
     * The venue's open orders on every symbol the ledger has traded: one
     * request per symbol where that costs less request weight than the
     * all-symbols form (Binance: 6 per symbol against 80), else one for all.
     */
    private List<ExchangeOrder> venueOpenOrders(List<Position> open, Set<String> ordered) {
        Set<String> symbols = new TreeSet<>(ordered);
        open.forEach(p -> symbols.add(p.symbol()));
        if (symbols.isEmpty()
                || symbols.size() * exchange.openOrdersWeight(false) >= exchange.openOrdersWeight(true)) {
            return exchange.openOrders(Optional.empty());
        }
        Map<String, List<ExchangeOrder>> bySymbol = new ConcurrentHashMap<>();
        sideBySide.each(symbols, symbol -> bySymbol.put(symbol, exchange.openOrders(Optional.of(symbol))));
        return symbols.stream().flatMap(symbol -> bySymbol.get(symbol).stream()).toList();
    }

    /**
     * The exchange's view of each order: one call lists every open order; only
     * orders not among them (filled, cancelled, unknown, intents) are asked
     * about one by one.
     */
    private Map<ClientOrderId, ExchangeOrder> venueOrders(List<Order> orders, List<ExchangeOrder> venueOpen) {
        Map<ClientOrderId, ExchangeOrder> openById = venueOpen.stream().collect(Collectors.toMap(
                ExchangeOrder::clientOrderId, v -> v, (a, b) -> b));
        Map<ClientOrderId, ExchangeOrder> venue = new ConcurrentHashMap<>();
        List<Order> ask = new java.util.ArrayList<>();
        for (Order o : orders) {
            ExchangeOrder v = openById.get(o.clientOrderId());
            if (v != null) {
                venue.put(o.clientOrderId(), v);
            } else {
                ask.add(o);
            }
        }
        sideBySide.each(ask, o -> exchange.orderByClientId(o.symbol(), o.clientOrderId())
                .ifPresent(v -> venue.put(o.clientOrderId(), v)));
        return venue;
    }

    /** Whether the position has exactly one stop open on the exchange and nothing else in motion. */
    private static boolean protectedAsIs(Position p, List<Order> orders, Map<ClientOrderId, ExchangeOrder> venue) {
        List<Order> mine = orders.stream().filter(o -> o.positionId().equals(Optional.of(p.id()))).toList();
        return mine.size() == 1 && mine.get(0).purpose() == com.tradevault.app.trading.OrderPurpose.STOP
                && mine.get(0).cancelRequestedAt().isEmpty() && mine.get(0).executed().isZero()
                && Optional.ofNullable(venue.get(mine.get(0).clientOrderId())).filter(v -> v.status().isOpen()
                && v.executedQuantity().signum() == 0 && !v.triggeredButOpen()).isPresent();
    }

    private Set<ClientOrderId> ledgerKnows(List<ExchangeOrder> venueOpen) {
        List<ClientOrderId> ours = venueOpen.stream().map(ExchangeOrder::clientOrderId)
                .filter(ClientOrderId::isOurs).toList();
        return ledger.read(s -> ours.stream().filter(id -> s.order(id).isPresent()).collect(Collectors.toSet()));
    }

    /** The venue's trades of orders whose executed quantity differs from the ledger's, by exchange order id. */
    private Map<String, List<ExchangeTrade>> trades(List<Order> orders, Map<ClientOrderId, ExchangeOrder> venue) {
        Set<String> symbols = new TreeSet<>();
        for (Order o : orders) {
            ExchangeOrder v = venue.get(o.clientOrderId());
            if (v != null && v.executedQuantity().compareTo(o.executed().value()) != 0) {
                symbols.add(o.symbol());
            }
        }
        Map<String, List<ExchangeTrade>> byOrder = new ConcurrentHashMap<>();
        sideBySide.each(symbols, symbol -> exchange.tradesAfter(symbol, -1).forEach(t ->
                byOrder.computeIfAbsent(t.exchangeOrderId(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(t)));
        return byOrder;
    }

    private Set<String> ledgerFills(Map<String, List<ExchangeTrade>> trades) {
        List<String> ids = trades.values().stream().flatMap(List::stream).map(ExchangeTrade::fillId).toList();
        return ledger.read(s -> ids.stream().filter(s::hasFill).collect(Collectors.toSet()));
    }

    /**
     * Rules of every open position's symbol; the last price only where
     * protection is in question: one request for all symbols when more than
     * one is needed, instead of one per symbol.
     */
    private Map<String, Observation.Market> markets(Collection<Position> open, Collection<Position> unsure) {
        Set<String> symbols = open.stream().map(Position::symbol).collect(Collectors.toCollection(TreeSet::new));
        Set<String> priced = unsure.stream().map(Position::symbol).collect(Collectors.toSet());
        Map<String, BigDecimal> prices = priced.size() > 1 ? exchange.lastPrices() : Map.of();
        Map<String, Observation.Market> markets = new ConcurrentHashMap<>();
        sideBySide.each(symbols, symbol -> markets.put(symbol, new Observation.Market(
                rules.computeIfAbsent(symbol, exchange::rules), priced.contains(symbol)
                ? Optional.of(new Price(Optional.ofNullable(prices.get(symbol))
                        .orElseGet(() -> exchange.lastPrice(symbol)))) : Optional.empty())));
        return markets;
    }

    /** The highest price traded since each position's last update, from the exchange's one-minute candles. */
    private Map<Long, Price> highest(Collection<Position> open, Instant to) {
        Map<Long, Price> highest = new ConcurrentHashMap<>();
        sideBySide.each(open, p -> {
            Instant from = p.updatedAt().truncatedTo(ChronoUnit.MINUTES);
            exchange.candles(p.symbol(), from, to.plusSeconds(60)).stream().map(Candle::high)
                    .max(java.math.BigDecimal::compareTo).ifPresent(h -> highest.put(p.id(), new Price(h)));
        });
        return new HashMap<>(highest);
    }
}
