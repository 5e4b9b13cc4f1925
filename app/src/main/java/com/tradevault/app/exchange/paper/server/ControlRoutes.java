package com.tradevault.app.exchange.paper.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradevault.app.exchange.paper.PaperExchange;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.paper.CancelReplace;
import com.tradevault.app.exchange.paper.PaperOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

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
            case "POST /control/cancel-orders" -> AccountRoutes.array(paperOrders(
                    exchange.cancelAll(r.optional("symbol").map(orders::symbol))), BinanceShapes::order);
            case "GET /control/dump" -> dump();
            case "POST /control/faults" -> faults.update(r);
            case "GET /control/faults" -> faults.describe();
            default -> throw new ApiError(404, Codes.UNKNOWN, "Unknown endpoint " + r.method() + " "
                    + r.path() + ".");
        };
    }

    private JsonNode setPrice(ApiRequest r) {
        String symbol = orders.symbol(r.required("symbol"));
        BigDecimal price = r.decimal("price").orElseThrow(() -> ApiError.badRequest(Codes.MANDATORY_PARAM,
                "Mandatory parameter 'price' was not sent, was empty/null, or malformed."));
        return BinanceShapes.MAPPER.createObjectNode().put("symbol", symbol)
                .put("price", BinanceShapes.decimal(exchange.setPrice(symbol, price)));
    }

    /** The venue's own records of these orders, which the Binance shapes are written from. */
    private List<PaperOrder> paperOrders(List<ExchangeOrder> views) {
        return views.stream().map(o -> exchange.find(o.symbol(), new CancelReplace.OrderRef(
                Optional.of(Long.parseLong(o.exchangeOrderId())), Optional.empty())).orElseThrow()).toList();
    }

    private JsonNode dump() {
        PaperExchange.Contents s = exchange.snapshot();
        ObjectNode n = BinanceShapes.MAPPER.createObjectNode();
        n.set("orders", AccountRoutes.array(paperOrders(s.orders()), BinanceShapes::order));
        n.set("trades", AccountRoutes.array(s.trades(), BinanceShapes::trade));
        n.set("balances", AccountRoutes.array(s.balances().values(), BinanceShapes::balance));
        ObjectNode prices = n.putObject("prices");
        s.prices().forEach((symbol, price) -> prices.put(symbol, BinanceShapes.decimal(price)));
        return n;
    }
}
