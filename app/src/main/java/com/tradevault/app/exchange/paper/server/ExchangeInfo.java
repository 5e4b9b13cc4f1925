package com.tradevault.app.exchange.paper.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.exchange.binance.BinanceJson;
import com.tradevault.app.exchange.paper.PaperExchange;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@code GET /api/v3/exchangeInfo}: symbols with their PRICE_FILTER, LOT_SIZE and NOTIONAL filters. */
final class ExchangeInfo {

    private ExchangeInfo() {
    }

    static ObjectNode of(PaperExchange exchange, Optional<String> symbol, Clock clock) {
        ObjectNode n = BinanceJson.MAPPER.createObjectNode().put("timezone", "UTC").put("serverTime", clock.millis());
        n.putArray("rateLimits");
        ArrayNode symbols = n.putArray("symbols");
        List<String> wanted = symbol.map(List::of).orElse(exchange.settings().symbols());
        wanted.forEach(s -> symbols.add(symbol(exchange.rules(s))));
        return n;
    }

    private static ObjectNode symbol(SymbolRules r) {
        ObjectNode s = BinanceJson.MAPPER.createObjectNode().put("symbol", r.symbol()).put("status", "TRADING")
                .put("baseAsset", r.baseAsset()).put("baseAssetPrecision", 8).put("quoteAsset", r.quoteAsset())
                .put("quotePrecision", 8).put("quoteAssetPrecision", 8).put("isSpotTradingAllowed", true);
        ArrayNode types = s.putArray("orderTypes");
        List.of("LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT").forEach(types::add);
        ArrayNode filters = s.putArray("filters");
        filters.addObject().put("filterType", "PRICE_FILTER").put("minPrice", BinanceJson.decimal(r.tickSize()))
                .put("maxPrice", BinanceJson.decimal(new BigDecimal("1000000"))).put("tickSize", BinanceJson.decimal(r.tickSize()));
        filters.addObject().put("filterType", "LOT_SIZE").put("minQty", BinanceJson.decimal(r.minQuantity()))
                .put("maxQty", BinanceJson.decimal(new BigDecimal("9000"))).put("stepSize", BinanceJson.decimal(r.stepSize()));
        filters.addObject().put("filterType", "NOTIONAL").put("minNotional", BinanceJson.decimal(r.minNotional()))
                .put("applyMinToMarket", true).put("maxNotional", BinanceJson.decimal(new BigDecimal("9000000")))
                .put("applyMaxToMarket", false).put("avgPriceMins", 5);
        return s;
    }
}
