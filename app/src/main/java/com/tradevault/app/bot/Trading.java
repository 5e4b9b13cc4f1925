package com.tradevault.app.bot;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.orders.FillEvent;
import com.tradevault.app.orders.OrderDraft;
import com.tradevault.app.orders.PlacingOrders;
import com.tradevault.app.orders.ProtectingPositions;
import com.tradevault.app.orders.RecordingFills;
import com.tradevault.app.orders.UnprotectedSymbols;
import com.tradevault.app.trading.BreakoutStrategy;
import com.tradevault.app.trading.Decision;
import com.tradevault.app.trading.Entry;
import com.tradevault.app.trading.EntryCheck;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Rejection;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scan of one symbol: learn what happened on the venue (order states,
 * fills), keep the position protected and trail its stop, or ask the strategy
 * about an entry; then write the scan's decision.
 */
public final class Trading {

    private static final Logger LOG = LoggerFactory.getLogger(Trading.class);

    private final BotSettings settings;
    private final Ledger ledger;
    private final Exchange exchange;
    private final Clock clock;
    private final PlacingOrders placing;
    private final RecordingFills fills;
    private final ProtectingPositions protecting;
    private final Map<String, BreakoutStrategy> strategies = new HashMap<>();
    private Supplier<List<String>> entriesBlocked = List::of;
    private UnprotectedSymbols unprotected = new UnprotectedSymbols();

    public Trading(BotSettings settings, Ledger ledger, Exchange exchange, Clock clock, PlacingOrders placing,
                   RecordingFills fills, ProtectingPositions protecting) {
        this.settings = settings;
        this.ledger = ledger;
        this.exchange = exchange;
        this.clock = clock;
        this.placing = placing;
        this.fills = fills;
        this.protecting = protecting;
        settings.symbols().forEach(s -> strategies.put(s, new BreakoutStrategy(settings.strategy())));
    }

    /** Makes new entries wait while {@code reasons} gives any (set by reconciliation: unresolved findings). */
    void blockEntriesWhen(Supplier<List<String>> reasons) {
        this.entriesBlocked = reasons;
    }

    /** Blocks entries on the symbols whose stops the venue refused for good. */
    void blockSymbolsWhen(UnprotectedSymbols symbols) {
        this.unprotected = symbols;
    }

    /** Scans {@code symbol} once and returns the decision it wrote. */
    public Decision scan(String symbol) {
        Price price = new Price(exchange.lastPrice(symbol));
        BreakoutStrategy.Signal signal = strategies.get(symbol).scan(price);
        List<Order> gapped = refreshOrders(symbol);
        List<FillEvent> events = catchUp(symbol);
        Optional<Position> open = ledger.transaction(s -> s.openPosition(symbol));
        Decision decision = open.map(p -> hold(p, price, gapped))
                .or(() -> events.stream().filter(FillEvent::closed).reduce((a, b) -> b).map(e -> exit(e, price)))
                .orElseGet(() -> considerEntry(symbol, price, signal));
        ledger.transaction(s -> {
            s.insertDecision(decision);
            s.setLastPrice(symbol, price, clock.instant());
            return null;
        });
        return decision;
    }

    /**
     * Records new fills of {@code symbol} and sends the stop intents that
     * completed entries wrote; a refused one is dealt with at once, not at the
     * next scan (a stop that would trigger at once: the position exits now).
     */
    public List<FillEvent> catchUp(String symbol) {
        List<FillEvent> events = fills.sync(symbol);
        events.forEach(e -> e.stopIntent().ifPresent(intent -> protecting.sendStop(e.position(), intent)));
        return events;
    }

    /**
     * Asks the venue about our live orders it no longer lists as open, and
     * settles old entry intents; returns our stops the venue lists as
     * triggered but still open (stop-limits the price gapped through).
     */
    private List<Order> refreshOrders(String symbol) {
        List<Order> unfinished = ledger.transaction(LedgerSession::unfinishedOrders).stream()
                .filter(o -> o.symbol().equals(symbol)).toList();
        if (unfinished.isEmpty()) {
            return List.of();
        }
        Map<ClientOrderId, ExchangeOrder> open = exchange.openOrders(Optional.of(symbol)).stream()
                .collect(Collectors.toMap(ExchangeOrder::clientOrderId, v -> v, (a, b) -> b));
        for (Order o : unfinished) {
            if (o.state().isLive() && !open.containsKey(o.clientOrderId())) {
                placing.refresh(o);
            } else if (o.state() == OrderState.INTENT && o.purpose() == OrderPurpose.ENTRY) {
                placing.resolve(o);
            }
        }
        return unfinished.stream().filter(o -> o.purpose() == OrderPurpose.STOP && o.state().isLive()
                && o.cancelRequestedAt().isEmpty() && open.containsKey(o.clientOrderId())
                && open.get(o.clientOrderId()).triggeredButOpen()).toList();
    }

    private Decision hold(Position position, Price price, List<Order> gapped) {
        List<String> actions = new ArrayList<>();
        gapped.stream().filter(o -> o.positionId().equals(Optional.of(position.id())))
                .forEach(o -> actions.add(protecting.gappedThrough(position, o, price)));
        if (actions.isEmpty()) {
            actions.addAll(protecting.protect(position, price));
        }
        Position protectedNow = actions.isEmpty() ? position
                : ledger.transaction(s -> s.position(position.id())).orElse(position);
        Position now = protecting.trail(protectedNow, price);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("price", plain(price));
        payload.put("positionId", now.id());
        payload.put("entryPrice", plain(now.entryPrice()));
        payload.put("quantity", now.quantity().value());
        payload.put("highest", plain(now.stop().highest()));
        payload.put("stopLevel", plain(now.stop().level()));
        payload.put("trail", now.stop().trail().toString());
        payload.put("stopRaised", now.stop().level().isAbove(protectedNow.stop().level()));
        payload.put("unrealizedPnl", now.unrealizedPnlAt(price).value());
        if (!actions.isEmpty()) {
            payload.put("protection", actions);
        }
        return Decision.of(position.symbol(), clock.instant(), Decision.Kind.HOLD, payload);
    }

    private Decision exit(FillEvent closing, Price price) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("price", plain(price));
        payload.put("positionId", closing.position().id());
        payload.put("exitBy", closing.order().purpose().name());
        payload.put("exitPrice", plain(closing.fill().price()));
        payload.put("entryPrice", plain(closing.position().entryPrice()));
        payload.put("realizedPnl", closing.position().realizedPnl().value());
        return Decision.of(closing.position().symbol(), clock.instant(), Decision.Kind.EXIT, payload);
    }

    private Decision considerEntry(String symbol, Price price, BreakoutStrategy.Signal signal) {
        Map<String, Object> payload = new LinkedHashMap<>(signal.inputs());
        if (!signal.breakout()) {
            return Decision.skip(symbol, clock.instant(), signal.reason(), payload);
        }
        List<String> blocked = new ArrayList<>(entriesBlocked.get());
        unprotected.reason(symbol).ifPresent(r -> blocked.add(symbol + " cannot be protected: " + r));
        if (!blocked.isEmpty()) {
            payload.put("blockedBy", blocked);
            return Decision.skip(symbol, clock.instant(), "entries-blocked", payload);
        }
        if (entryPending(symbol)) {
            return Decision.skip(symbol, clock.instant(), "entry-pending", payload);
        }
        SymbolRules rules = exchange.rules(symbol);
        BigDecimal free = Optional.ofNullable(exchange.balances().get(rules.quoteAsset()))
                .map(b -> b.free()).orElse(BigDecimal.ZERO);
        int open = ledger.transaction(s -> s.openPositions().size());
        EntryCheck check = settings.sizing().check(price, rules, free, open);
        payload.put("quotePerTrade", settings.sizing().quotePerTrade().value());
        payload.put("freeQuote", free);
        if (check instanceof Rejection r) {
            payload.put("rejection", r.detail());
            LOG.info("{} breakout at {} but no entry: {}", symbol, price, r);
            return Decision.skip(symbol, clock.instant(), r.reason().code(), payload);
        }
        return enter(symbol, (Entry) check, payload);
    }

    private Decision enter(String symbol, Entry entry, Map<String, Object> payload) {
        LOG.info("{} at {} broke out above {}: entering with {} (about {})", symbol,
                ((BigDecimal) payload.get("price")).toPlainString(),
                ((BigDecimal) payload.get("entryLevel")).toPlainString(), entry.quantity(), entry.notional());
        Order order = placing.place(OrderDraft.marketBuy(symbol, entry.quantity()));
        catchUp(symbol);
        payload.put("quantity", entry.quantity().value());
        payload.put("clientOrderId", order.clientOrderId().value());
        payload.put("orderState", order.state().name());
        return Decision.of(symbol, clock.instant(), Decision.Kind.ENTER, payload);
    }

    private boolean entryPending(String symbol) {
        return ledger.transaction(LedgerSession::unfinishedOrders).stream()
                .anyMatch(o -> o.symbol().equals(symbol) && o.purpose() == OrderPurpose.ENTRY);
    }

    private static BigDecimal plain(Price p) {
        return p.value().stripTrailingZeros();
    }
}
