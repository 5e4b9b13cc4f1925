package com.tradevault.app.exchange.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.exchange.SymbolRules.PriceBand;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a symbol of exchangeInfo: its PRICE_FILTER, LOT_SIZE, NOTIONAL (or
 * MIN_NOTIONAL) and PERCENT_PRICE_BY_SIDE filters, its {@code orderTypes},
 * {@code allowTrailingStop} and {@code cancelReplaceAllowed}. Order types this
 * adapter does not know are left out: the bot never places them.
 */
final class SymbolFilters {

    private SymbolFilters() {
    }

    static SymbolRules rules(JsonNode symbol) {
        BigDecimal tick = BigDecimal.ZERO;
        BigDecimal step = BigDecimal.ZERO;
        BigDecimal minQty = BigDecimal.ZERO;
        BigDecimal minNotional = BigDecimal.ZERO;
        Optional<PriceBand> sellBand = Optional.empty();
        for (JsonNode f : symbol.path("filters")) {
            switch (f.path("filterType").asText()) {
                case "PRICE_FILTER" -> tick = BinanceJson.decimal(f.get("tickSize"));
                case "LOT_SIZE" -> {
                    step = BinanceJson.decimal(f.get("stepSize"));
                    minQty = BinanceJson.decimal(f.get("minQty"));
                }
                case "NOTIONAL", "MIN_NOTIONAL" -> minNotional = BinanceJson.decimal(f.get("minNotional"));
                case "PERCENT_PRICE_BY_SIDE" -> sellBand = Optional.of(new PriceBand(
                        BinanceJson.decimal(f.get("askMultiplierDown")), BinanceJson.decimal(f.get("askMultiplierUp"))));
                default -> {
                    // other filters (ICEBERG_PARTS, MAX_NUM_ORDERS, ...) do not shape our orders
                }
            }
        }
        return new SymbolRules(symbol.get("symbol").asText(), symbol.get("baseAsset").asText(),
                symbol.get("quoteAsset").asText(), tick, step, minQty, minNotional, orderTypes(symbol),
                symbol.path("allowTrailingStop").asBoolean(false), symbol.path("cancelReplaceAllowed").asBoolean(false),
                sellBand);
    }

    private static Set<OrderType> orderTypes(JsonNode symbol) {
        Set<OrderType> known = EnumSet.noneOf(OrderType.class);
        symbol.path("orderTypes").forEach(t -> Arrays.stream(OrderType.values())
                .filter(k -> k.name().equals(t.asText())).forEach(known::add));
        return known;
    }
}
