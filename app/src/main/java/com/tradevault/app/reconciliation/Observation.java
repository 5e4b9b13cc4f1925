package com.tradevault.app.reconciliation;

import com.tradevault.app.exchange.Balance;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.trading.Dust;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the ledger and the exchange said at one moment: everything the
 * planner needs, so that planning is pure logic with no I/O.
 *
 * @param at                 when the snapshot was taken (the exchange's clock where known)
 * @param openPositions      the ledger's open positions
 * @param orders             ledger orders that matter: unfinished ones and every order of an open position
 * @param venueOrders        the exchange's answer for each of {@code orders} it knows, by client id
 * @param venueOpenOrders    every open order on the exchange
 * @param ledgerKnows        which client ids of {@code venueOpenOrders} the ledger has
 * @param venueTrades        the exchange's trades of orders whose executed quantity differs, by exchange order id
 * @param ledgerFillIds      which of those trades' fill ids the ledger already has
 * @param markets            rules per symbol of an open position, with the last price where protection is in question
 * @param highestSinceUpdate per open position id, the highest price traded since its last update
 * @param balances           the account's balances per asset
 * @param unprotectable      symbols whose stops the venue refused for good in this run, with why
 * @param dust               what closed positions left per symbol (the ledger's {@code dust} table)
 */
public record Observation(Instant at, List<Position> openPositions, List<Order> orders,
                       Map<ClientOrderId, ExchangeOrder> venueOrders, List<ExchangeOrder> venueOpenOrders,
                       Set<ClientOrderId> ledgerKnows, Map<String, List<ExchangeTrade>> venueTrades,
                       Set<String> ledgerFillIds, Map<String, Market> markets, Map<Long, Price> highestSinceUpdate,
                       Map<String, Balance> balances, Map<String, String> unprotectable, List<Dust> dust) {

    /** A snapshot of a ledger without dust. */
    public Observation(Instant at, List<Position> openPositions, List<Order> orders,
                    Map<ClientOrderId, ExchangeOrder> venueOrders, List<ExchangeOrder> venueOpenOrders,
                    Set<ClientOrderId> ledgerKnows, Map<String, List<ExchangeTrade>> venueTrades,
                    Set<String> ledgerFillIds, Map<String, Market> markets, Map<Long, Price> highestSinceUpdate,
                    Map<String, Balance> balances, Map<String, String> unprotectable) {
        this(at, openPositions, orders, venueOrders, venueOpenOrders, ledgerKnows, venueTrades, ledgerFillIds,
                markets, highestSinceUpdate, balances, unprotectable, List.of());
    }

    /** A snapshot before any symbol was found unprotectable. */
    public Observation(Instant at, List<Position> openPositions, List<Order> orders,
                    Map<ClientOrderId, ExchangeOrder> venueOrders, List<ExchangeOrder> venueOpenOrders,
                    Set<ClientOrderId> ledgerKnows, Map<String, List<ExchangeTrade>> venueTrades,
                    Set<String> ledgerFillIds, Map<String, Market> markets, Map<Long, Price> highestSinceUpdate,
                    Map<String, Balance> balances) {
        this(at, openPositions, orders, venueOrders, venueOpenOrders, ledgerKnows, venueTrades, ledgerFillIds,
                markets, highestSinceUpdate, balances, Map.of());
    }

    /**
     * A symbol's trading rules and its last traded price; the price is only
     * asked for where a stop may have to be placed.
     */
    public record Market(SymbolRules rules, Optional<Price> lastPrice) {

        public Price price() {
            return lastPrice.orElseThrow(() -> new IllegalStateException("no price gathered for " + rules.symbol()));
        }
    }

    public Observation {
        openPositions = List.copyOf(openPositions);
        orders = List.copyOf(orders);
        venueOrders = Map.copyOf(venueOrders);
        venueOpenOrders = List.copyOf(venueOpenOrders);
        ledgerKnows = Set.copyOf(ledgerKnows);
        venueTrades = Map.copyOf(venueTrades);
        ledgerFillIds = Set.copyOf(ledgerFillIds);
        markets = Map.copyOf(markets);
        highestSinceUpdate = Map.copyOf(highestSinceUpdate);
        balances = Map.copyOf(balances);
        unprotectable = Map.copyOf(unprotectable);
        dust = List.copyOf(dust);
    }

    public Optional<ExchangeOrder> venue(Order order) {
        return Optional.ofNullable(venueOrders.get(order.clientOrderId()));
    }

    public Market market(String symbol) {
        Market m = markets.get(symbol);
        if (m == null) {
            throw new IllegalStateException("no market data gathered for " + symbol);
        }
        return m;
    }
}
