package com.tradevault.app.reconciliation;

import com.tradevault.app.exchange.Balance;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.trading.Money;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.PositionStatus;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import com.tradevault.app.trading.Trail;
import com.tradevault.app.trading.TrailingStop;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds a ledger + exchange situation for the planner, one fact per call. */
final class Situation {

    static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
    static final SymbolRules BTC = new SymbolRules("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("5"),
            java.util.Set.of(com.tradevault.app.exchange.OrderType.MARKET, com.tradevault.app.exchange.OrderType.STOP_LOSS,
                    com.tradevault.app.exchange.OrderType.STOP_LOSS_LIMIT), false, false, java.util.Optional.empty());

    Instant now = T0.plusSeconds(600);
    final List<Position> positions = new ArrayList<>();
    final List<Order> orders = new ArrayList<>();
    final Map<ClientOrderId, ExchangeOrder> venue = new HashMap<>();
    final List<ExchangeOrder> venueOpen = new ArrayList<>();
    final Set<ClientOrderId> ledgerKnows = new HashSet<>();
    final Map<String, List<ExchangeTrade>> trades = new HashMap<>();
    final Set<String> fillIds = new HashSet<>();
    final Map<Long, Price> highest = new HashMap<>();
    final Map<String, Balance> balances = new HashMap<>();
    Price lastPrice = Price.of("30500");
    private long nextOrder = 1;
    private long nextTrade = 100;

    /** An open position of 0.01 BTC bought at 30000 with a 1 % trail, stop 29700; the account holds it. */
    Position position(long id) {
        TrailingStop stop = new TrailingStop(Price.of("30000"), Trail.percent("1"), Price.of("29700"));
        Position p = new Position(id, "BTCUSDT", PositionStatus.OPEN, Quantity.of("0.01"), Price.of("30000"), stop,
                Money.ZERO, T0, Optional.empty(), T0);
        positions.add(p);
        balances.merge("BTC", new Balance("BTC", BigDecimal.ZERO, new BigDecimal("0.01")),
                (a, b) -> new Balance("BTC", a.free(), a.locked().add(b.locked())));
        return p;
    }

    Order stop(Position p, OrderState state, String level) {
        return order(p, OrderPurpose.STOP, Side.SELL, OrderType.STOP_LOSS, state, Optional.of(Price.of(level)));
    }

    Order order(Position p, OrderPurpose purpose, Side side, OrderType type, OrderState state,
                Optional<Price> stopPrice) {
        long id = nextOrder++;
        Order o = new Order(id, new ClientOrderId("tv-" + purpose.name().toLowerCase().charAt(0) + "-" + id),
                state == OrderState.INTENT ? Optional.empty() : Optional.of("X" + id),
                p == null ? Optional.empty() : Optional.of(p.id()), "BTCUSDT", side, type, purpose,
                Quantity.of("0.01"), Optional.empty(), stopPrice, Quantity.ZERO, state, T0, T0, Optional.empty(),
                Optional.empty());
        orders.add(o);
        ledgerKnows.add(o.clientOrderId());
        return o;
    }

    Order replace(Order before, Order after) {
        orders.set(orders.indexOf(before), after);
        return after;
    }

    /** The exchange has {@code o} with this status and executed quantity. */
    ExchangeOrder onVenue(Order o, OrderStatus status, String executed) {
        ExchangeOrder v = new ExchangeOrder(o.symbol(), o.exchangeOrderId().orElse("X" + o.id()), o.clientOrderId(),
                o.side(), o.type(), status, o.quantity().value(), new BigDecimal(executed), BigDecimal.ZERO,
                Optional.empty(), o.stopPrice().map(Price::value), !o.type().isStop(), T0, now);
        venue.put(o.clientOrderId(), v);
        if (status.isOpen()) {
            venueOpen.add(v);
        }
        return v;
    }

    ExchangeTrade trade(ExchangeOrder v, String quantity, String price) {
        ExchangeTrade t = new ExchangeTrade("BTCUSDT", nextTrade++, v.exchangeOrderId(), v.side(),
                new BigDecimal(price), new BigDecimal(quantity), new BigDecimal("0.01"), "USDT", now);
        trades.computeIfAbsent(v.exchangeOrderId(), k -> new ArrayList<>()).add(t);
        return t;
    }

    Observation snapshot() {
        return new Observation(now, positions, orders, venue, venueOpen, ledgerKnows, trades, fillIds,
                Map.of("BTCUSDT", new Observation.Market(BTC, Optional.of(lastPrice))), highest, balances);
    }
}
