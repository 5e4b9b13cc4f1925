package com.tradevault.app.orders;

import com.tradevault.app.faults.CrashPoints;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.trading.Dust;
import com.tradevault.app.trading.Fill;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Quantity;
import com.tradevault.app.trading.Trail;
import com.tradevault.app.trading.TrailingStop;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the venue's fills of our orders, each exactly once (by its fill id)
 * and in the same transaction as the position change it causes: an entry
 * fill opens or grows a position and, once the entry is complete, writes the
 * protective stop's intent; a stop or exit fill realizes P&L and closes the
 * position once the sell is complete.
 */
public final class RecordingFills {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingFills.class);

    private final Ledger ledger;
    private final Exchange exchange;
    private final PlacingOrders placing;
    private final Clock clock;
    private final Trail trail;
    private final DraftingStops drafting;
    /** Orders recovered from the venue: their entry writes no stop intent, reconciliation finds their stop. */
    private final Set<ClientOrderId> recovered = ConcurrentHashMap.newKeySet();

    public RecordingFills(Ledger ledger, Exchange exchange, PlacingOrders placing, Clock clock, Trail trail) {
        this(ledger, exchange, placing, clock, trail, ProtectionPolicy.defaults().drafting());
    }

    public RecordingFills(Ledger ledger, Exchange exchange, PlacingOrders placing, Clock clock, Trail trail,
                          DraftingStops drafting) {
        this.ledger = ledger;
        this.exchange = exchange;
        this.placing = placing;
        this.clock = clock;
        this.trail = trail;
        this.drafting = drafting;
    }

    /** A symbol's rules and, where its stop-limit needs it, the venue's average price, asked before any transaction. */
    private record Market(SymbolRules rules, Supplier<BigDecimal> averagePrice) {
    }

    private Market market(String symbol) {
        SymbolRules rules = exchange.rules(symbol);
        return new Market(rules, DraftingStops.averagePriceOf(rules, () -> exchange.averagePrice(symbol)));
    }

    /** Records every new trade of {@code symbol} since the ledger's cursor; returns what each one did. */
    public List<FillEvent> sync(String symbol) {
        long cursor = ledger.transaction(s -> s.tradeCursor(symbol));
        List<FillEvent> events = new ArrayList<>();
        List<ExchangeTrade> trades = exchange.tradesAfter(symbol, cursor);
        Market rules = trades.isEmpty() ? null : market(symbol);
        for (ExchangeTrade trade : trades) {
            Optional<Order> order = ownerOf(trade);
            if (order.isEmpty() && intentsPending(symbol)) {
                LOG.warn("trade {} may belong to an intent the venue could not confirm yet; recording it later",
                        trade.fillId());
                break;
            }
            ledger.transaction(s -> record(s, trade, order, rules)).ifPresent(events::add);
        }
        return events;
    }

    /**
     * Records one trade of {@code owner} that the trade cursor has already
     * passed (a fill reconciliation found missing), exactly once, without
     * moving the cursor back.
     */
    public Optional<FillEvent> recordMissing(ExchangeTrade trade, Order owner) {
        Market rules = market(trade.symbol());
        return ledger.transaction(s -> {
            long cursor = s.tradeCursor(trade.symbol());
            Optional<FillEvent> event = record(s, trade, Optional.of(owner), rules);
            s.setTradeCursor(trade.symbol(), Math.max(cursor, trade.tradeId()), clock.instant());
            return event;
        });
    }

    /**
     * The ledger order a trade belongs to; an intent whose answer was lost is
     * adopted first, and an order of ours the ledger lost altogether (a
     * restored backup, a truncated log) is recorded from the venue's account.
     */
    private Optional<Order> ownerOf(ExchangeTrade trade) {
        Optional<Order> known = known(trade);
        if (known.isPresent()) {
            return known;
        }
        for (Order intent : intents(trade.symbol())) {
            placing.resolve(intent);
        }
        return known(trade).or(() -> recoverLost(trade));
    }

    private Optional<Order> recoverLost(ExchangeTrade trade) {
        Optional<ExchangeOrder> venue = exchange.orderByExchangeId(trade.symbol(), trade.exchangeOrderId())
                .filter(v -> v.clientOrderId().isOurs() && !intentsPending(trade.symbol()));
        if (venue.isEmpty()) {
            return Optional.empty();
        }
        OrderPurpose purpose = ClientOrderIds.purposeOf(venue.get().clientOrderId());
        Optional<Long> position = ledger.read(s -> s.openPosition(trade.symbol())).map(Position::id);
        if (trade.side() == Side.SELL && position.isEmpty()) {
            return Optional.empty();
        }
        Order lost = ledger.transaction(s -> s.order(venue.get().clientOrderId()).orElseGet(() -> s.insertOrder(
                Order.adopted(venue.get(), purpose, trade.side() == Side.SELL ? position : Optional.empty(),
                        clock.instant()))));
        recovered.add(lost.clientOrderId());
        LOG.warn("trade {} belongs to our order {} that the ledger had lost; recorded it from the exchange",
                trade.fillId(), lost.describe());
        return Optional.of(lost);
    }

    private Optional<Order> known(ExchangeTrade trade) {
        return ledger.transaction(s -> s.orderByExchangeId(trade.symbol(), trade.exchangeOrderId()));
    }

    private boolean intentsPending(String symbol) {
        return !intents(symbol).isEmpty();
    }

    private List<Order> intents(String symbol) {
        return ledger.transaction(LedgerSession::unfinishedOrders).stream()
                .filter(o -> o.state() == OrderState.INTENT && o.symbol().equals(symbol)).toList();
    }

    private Optional<FillEvent> record(LedgerSession s, ExchangeTrade trade, Optional<Order> owner,
                                       Market market) {
        SymbolRules rules = market.rules();
        s.setTradeCursor(trade.symbol(), trade.tradeId(), clock.instant());
        if (s.hasFill(trade.fillId())) {
            return Optional.empty();
        }
        if (owner.isEmpty()) {
            s.audit("unexplained-trade", unexplained(trade), clock.instant());
            LOG.warn("trade {} of venue order {} belongs to no order in the ledger; reported in the audit log",
                    trade.fillId(), trade.exchangeOrderId());
            return Optional.empty();
        }
        Order order = s.order(owner.get().clientOrderId()).orElseThrow();
        Fill fill = Fill.of(trade, order.id());
        LOG.info("fill {} {} {} {} @ {} fee {} {} for {}", fill.exchangeFillId(), trade.side(), fill.quantity(),
                trade.symbol(), fill.price(), fill.fee(), fill.feeAsset(), order.clientOrderId());
        FillEvent event = trade.side() == Side.BUY ? entryFill(s, order, fill, market)
                : exitFill(s, order, fill, rules);
        s.insertFill(fill);
        placing.crashPoints().reach(CrashPoints.Point.MID_FILL_RECORD);
        s.updateOrder(event.order());
        return Optional.of(event);
    }

    private FillEvent entryFill(LedgerSession s, Order order, Fill fill, Market market) {
        SymbolRules rules = market.rules();
        Quantity received = fill.feeAsset().equals(rules.baseAsset()) ? fill.quantity().minus(fill.fee())
                : fill.quantity();
        BigDecimal cost = fill.quantity().times(fill.price())
                .add(fill.feeAsset().equals(rules.quoteAsset()) ? fill.fee().value() : BigDecimal.ZERO);
        Optional<Position> open = s.openPosition(order.symbol());
        Position position;
        if (open.isPresent()) {
            position = open.get().buying(received, cost, fill.filledAt());
            s.updatePosition(position);
        } else {
            Quantity dust = takeOverDust(s, order.symbol());
            position = s.insertPosition(Position.open(order.symbol(), received.plus(dust),
                    cost.add(dust.times(fill.price())), entry -> TrailingStop.from(fill.price(), trail, rules),
                    fill.filledAt()));
            LOG.info("opened position #{} {} {} @ {} (cost incl. fee{}), stop at {}", position.id(), position.symbol(),
                    position.quantity(), position.entryPrice(), dust.isZero() ? "" : "; " + dust + " of earlier dust"
                    + " taken over", position.stop().level());
        }
        Order filled = order.filling(fill.quantity(), position.id(), clock.instant());
        // A recovered entry's stop may be on the venue already (lost with the ledger): reconciliation adopts
        // it, or places one, instead of a stop intent the locked coins would make the venue refuse.
        Optional<Order> stop = filled.isComplete() && !recovered.contains(order.clientOrderId()) ? Optional.of(placing.recordIntent(s, drafting.draft(position.id(),
                rules, position.quantity().floorToLot(rules), position.stop().level(), market.averagePrice())))
                : Optional.empty();
        return new FillEvent(fill, filled, position, stop, false);
    }

    private FillEvent exitFill(LedgerSession s, Order order, Fill fill, SymbolRules rules) {
        Position before = s.position(order.positionId().orElseThrow(() -> new IllegalStateException(
                "sell order " + order.clientOrderId() + " belongs to no position"))).orElseThrow();
        BigDecimal quoteFee = fill.feeAsset().equals(rules.quoteAsset()) ? fill.fee().value() : BigDecimal.ZERO;
        Position after = before.selling(fill.quantity(), fill.price(), quoteFee, fill.filledAt());
        Order filled = order.filling(fill.quantity(), before.id(), clock.instant());
        boolean closes = filled.isComplete() && after.isOpen();
        if (closes) {
            after = after.closed(fill.filledAt());
            leaveDust(s, after, rules);
            LOG.info("closed position #{} {} by {} at {}: realized P&L {} {}", after.id(), after.symbol(),
                    order.purpose(), fill.price(), after.realizedPnl().signed(), rules.quoteAsset());
        }
        s.updatePosition(after);
        return new FillEvent(fill, filled, after, Optional.empty(), closes);
    }

    /**
     * A new position takes over the symbol's dust, valued at the entry's fill price: its stop and exit then
     * sell it in whole lot steps with the rest, and what stays below a step comes back when it closes.
     */
    private Quantity takeOverDust(LedgerSession s, String symbol) {
        Optional<Dust> dust = s.dust(symbol).filter(d -> !d.isZero());
        dust.ifPresent(d -> s.putDust(d.emptied(clock.instant())));
        return dust.map(Dust::quantity).orElse(Quantity.ZERO);
    }

    /** What a closed position still holds (below the lot step its stop or exit was rounded to) becomes dust. */
    private void leaveDust(LedgerSession s, Position closed, SymbolRules rules) {
        if (closed.quantity().isZero()) {
            return;
        }
        Dust before = s.dust(closed.symbol()).orElse(Dust.none(closed.symbol(), rules.baseAsset(), clock.instant()));
        Dust after = before.adding(closed.quantity(), clock.instant());
        s.putDust(after);
        LOG.info("position #{} {} left {} {} below the lot step: dust of {} is now {}", closed.id(), closed.symbol(),
                closed.quantity(), rules.baseAsset(), closed.symbol(), after.quantity());
    }

    private static Map<String, Object> unexplained(ExchangeTrade trade) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("fillId", trade.fillId());
        data.put("exchangeOrderId", trade.exchangeOrderId());
        data.put("side", trade.side().name());
        data.put("price", trade.price());
        data.put("quantity", trade.quantity());
        return data;
    }
}
