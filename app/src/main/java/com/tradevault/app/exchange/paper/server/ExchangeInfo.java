package com.tradevault.app.exchange.paper.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.exchange.paper.PaperExchange;
import com.tradevault.app.exchange.paper.VenueRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/**
 * {@code GET /api/v3/exchangeInfo}: the rate limits, and per symbol its allowed
 * order types, trailing-stop and cancel-replace flags, and the PRICE_FILTER,
 * LOT_SIZE, TRAILING_DELTA, PERCENT_PRICE_BY_SIDE and NOTIONAL filters, all
 * from the same rules the engine applies.
 */
final class ExchangeInfo {

    private ExchangeInfo() {
    }

    static ObjectNode of(PaperExchange exchange, List<String> symbols, Clock clock) {
        ObjectNode n = BinanceShapes.MAPPER.createObjectNode().put("timezone", "UTC").put("serverTime", clock.millis());
        VenueRules.RateLimits limits = exchange.settings().venue().limits();
        ArrayNode rateLimits = n.putArray("rateLimits");
        rateLimits.addObject().put("rateLimitType", "REQUEST_WEIGHT").put("interval", "MINUTE").put("intervalNum", 1)
                .put("limit", limits.weightPerMinute());
        rateLimits.addObject().put("rateLimitType", "ORDERS").put("interval", "SECOND").put("intervalNum", 10)
                .put("limit", limits.ordersPer10s());
        rateLimits.addObject().put("rateLimitType", "ORDERS").put("interval", "DAY").put("intervalNum", 1)
                .put("limit", limits.ordersPerDay());
        n.putArray("exchangeFilters");
        ArrayNode array = n.putArray("symbols");
        symbols.forEach(s -> array.add(symbol(exchange.rules(s))));
        return n;
    }

    private static ObjectNode symbol(SymbolRules r) {
        ObjectNode s = BinanceShapes.MAPPER.createObjectNode().put("symbol", r.symbol()).put("status", "TRADING")
                .put("baseAsset", r.baseAsset()).put("baseAssetPrecision", 8).put("quoteAsset", r.quoteAsset())
                .put("quotePrecision", 8).put("quoteAssetPrecision", 8).put("baseCommissionPrecision", 8)
                .put("quoteCommissionPrecision", 8);
        ArrayNode types = s.putArray("orderTypes");
        r.orderTypes().stream().map(OrderType::name).sorted().forEach(types::add);
        s.put("icebergAllowed", false).put("ocoAllowed", false)
                .put("quoteOrderQtyMarketAllowed", r.orderTypes().contains(OrderType.MARKET))
                .put("allowTrailingStop", r.trailingStopAllowed()).put("cancelReplaceAllowed", r.cancelReplaceAllowed())
                .put("isSpotTradingAllowed", true).put("isMarginTradingAllowed", false);
        filters(s.putArray("filters"), r);
        s.putArray("permissions").add("SPOT");
        s.put("defaultSelfTradePreventionMode", "NONE");
        s.putArray("allowedSelfTradePreventionModes").add("NONE");
        return s;
    }

    private static void filters(ArrayNode filters, SymbolRules r) {
        filters.addObject().put("filterType", "PRICE_FILTER").put("minPrice", d(r.tickSize()))
                .put("maxPrice", d(new BigDecimal("1000000"))).put("tickSize", d(r.tickSize()));
        filters.addObject().put("filterType", "LOT_SIZE").put("minQty", d(r.minQuantity()))
                .put("maxQty", d(new BigDecimal("9000"))).put("stepSize", d(r.stepSize()));
        filters.addObject().put("filterType", "TRAILING_DELTA")
                .put("minTrailingAboveDelta", VenueRules.MIN_TRAILING_DELTA)
                .put("maxTrailingAboveDelta", VenueRules.MAX_TRAILING_DELTA)
                .put("minTrailingBelowDelta", VenueRules.MIN_TRAILING_DELTA)
                .put("maxTrailingBelowDelta", VenueRules.MAX_TRAILING_DELTA);
        r.sellPriceBand().ifPresent(b -> filters.addObject().put("filterType", "PERCENT_PRICE_BY_SIDE")
                .put("bidMultiplierUp", b.multiplierUp().toPlainString())
                .put("bidMultiplierDown", b.multiplierDown().toPlainString())
                .put("askMultiplierUp", b.multiplierUp().toPlainString())
                .put("askMultiplierDown", b.multiplierDown().toPlainString()).put("avgPriceMins", 5));
        filters.addObject().put("filterType", "NOTIONAL").put("minNotional", d(r.minNotional()))
                .put("applyMinToMarket", true).put("maxNotional", d(new BigDecimal("9000000")))
                .put("applyMaxToMarket", false).put("avgPriceMins", 5);
    }

    private static String d(BigDecimal v) {
        return BinanceShapes.decimal(v);
    }
}
