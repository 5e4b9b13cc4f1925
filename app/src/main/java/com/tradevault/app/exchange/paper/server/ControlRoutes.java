package com.tradevault.app.exchange.paper.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradevault.app.exchange.binance.BinanceErrors;
import com.tradevault.app.exchange.binance.BinanceJson;
import com.tradevault.app.exchange.paper.PaperExchange;
import java.math.BigDecimal;

/**
 * The {@code /control} endpoints for tests and demos (not part of Binance's
 * API): set a price, cancel open orders as a venue does during maintenance,
 * dump everything, inject faults.
 */
final class ControlRoutes {

    private final PaperExchange exchange;
    private final Faults faults;
    private final OrderParameters orders;

    ControlRoutes(PaperExchange exchange, Faults faults) {
        this.exchange = exchange;
        this.faults = faults;
        this.orders = new OrderParameters(exchange);
    }

    JsonNode handle(ApiRequest r) {
        return switch (r.method() + " " + r.path()) {
            case "POST /control/price" -> setPrice(r);
            case "POST /control/cancel-orders" -> ApiRoutes.array(
                    exchange.cancelAll(r.optional("symbol").map(orders::symbol)), BinanceJson::order);
            case "GET /control/dump" -> dump();
            case "POST /control/faults" -> faults.update(r);
            case "GET /control/faults" -> faults.describe();
            default -> throw new ApiError(404, BinanceErrors.UNKNOWN, "Unknown endpoint " + r.method() + " "
                    + r.path() + ".");
        };
    }

    private JsonNode setPrice(ApiRequest r) {
        String symbol = orders.symbol(r.required("symbol"));
        BigDecimal price = r.decimal("price").orElseThrow(() -> ApiError.badRequest(BinanceErrors.MANDATORY_PARAM,
                "Mandatory parameter 'price' was not sent, was empty/null, or malformed."));
        return BinanceJson.MAPPER.createObjectNode().put("symbol", symbol)
                .put("price", BinanceJson.decimal(exchange.setPrice(symbol, price)));
    }

    private JsonNode dump() {
        PaperExchange.Snapshot s = exchange.snapshot();
        ObjectNode n = BinanceJson.MAPPER.createObjectNode();
        n.set("orders", ApiRoutes.array(s.orders(), BinanceJson::order));
        n.set("trades", ApiRoutes.array(s.trades(), BinanceJson::trade));
        n.set("balances", ApiRoutes.array(s.balances().values(), BinanceJson::balance));
        ObjectNode prices = n.putObject("prices");
        s.prices().forEach((symbol, price) -> prices.put(symbol, BinanceJson.decimal(price)));
        return n;
    }
}
