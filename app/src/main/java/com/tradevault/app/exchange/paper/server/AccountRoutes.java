package com.tradevault.app.exchange.paper.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.NoSuchOrder;
import com.tradevault.app.exchange.paper.CancelReplace.Placed;
import com.tradevault.app.exchange.paper.PaperExchange;
import com.tradevault.app.exchange.paper.PaperOrder;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Binance Spot's signed account endpoints: new, query and cancel order,
 * cancel-replace, open orders, all orders, the account's trades and the
 * account. Lists come oldest first; without {@code orderId}/{@code fromId} they
 * hold the newest {@code limit} entries, as Binance answers.
 */
final class AccountRoutes {

    private final PaperExchange exchange;
    private final OrderParameters orders;
    private final Clock clock;

    AccountRoutes(PaperExchange exchange, OrderParameters orders, Clock clock) {
        this.exchange = exchange;
        this.orders = orders;
        this.clock = clock;
    }

    static boolean handles(String route) {
        return switch (route) {
            case "POST /api/v3/order", "GET /api/v3/order", "DELETE /api/v3/order", "POST /api/v3/order/cancelReplace",
                    "GET /api/v3/openOrders", "GET /api/v3/allOrders", "GET /api/v3/myTrades",
                    "GET /api/v3/account" -> true;
            default -> false;
        };
    }

    Response handle(ApiRequest r) {
        return switch (r.route()) {
            case "POST /api/v3/order" -> Response.ok(newOrder(r));
            case "POST /api/v3/order/cancelReplace" -> new CancelReplaceRoute(exchange, orders).handle(r);
            case "GET /api/v3/order" -> Response.ok(BinanceShapes.order(exchange.find(symbol(r),
                    orders.ref(r, "orderId", "origClientOrderId")).orElseThrow(() -> ApiError.badRequest(
                    Codes.NO_SUCH_ORDER, "Order does not exist."))));
            case "DELETE /api/v3/order" -> Response.ok(cancel(r));
            case "GET /api/v3/openOrders" -> Response.ok(array(exchange.openOrdersOf(
                    r.optional("symbol").map(orders::symbol)), BinanceShapes::order));
            case "GET /api/v3/allOrders" -> Response.ok(array(allOrders(r), BinanceShapes::order));
            case "GET /api/v3/myTrades" -> Response.ok(array(myTrades(r), BinanceShapes::trade));
            default -> Response.ok(account());
        };
    }

    private String symbol(ApiRequest r) {
        return orders.symbol(r.required("symbol"));
    }

    private JsonNode newOrder(ApiRequest r) {
        OrderParameters.NewOrder order = orders.newOrder(r);
        return answer(place(exchange, order), order.respType());
    }

    static Placed place(PaperExchange exchange, OrderParameters.NewOrder order) {
        return order.quoteQty().isPresent() ? exchange.placeByQuote(order.request(), order.quoteQty().get())
                : exchange.placeOrder(order.request());
    }

    static ObjectNode answer(Placed placed, OrderParameters.RespType type) {
        return switch (type) {
            case ACK -> BinanceShapes.ack(placed.order());
            case RESULT -> BinanceShapes.result(placed.order());
            case FULL -> BinanceShapes.full(placed);
        };
    }

    private JsonNode cancel(ApiRequest r) {
        String symbol = symbol(r);
        try {
            PaperOrder cancelled = exchange.cancelOrder(symbol, orders.ref(r, "orderId", "origClientOrderId"),
                    orders.restriction(r));
            return BinanceShapes.cancelled(cancelled, orders.newId(r, "newClientOrderId", "cancel"));
        } catch (NoSuchOrder e) {
            throw ApiError.badRequest(Codes.CANCEL_REJECTED, "Unknown order sent.");
        }
    }

    private List<PaperOrder> allOrders(ApiRequest r) {
        List<PaperOrder> all = exchange.ordersOf(symbol(r)).stream()
                .filter(o -> inTime(r, o.createdAt().toEpochMilli())).toList();
        return page(r, all, r.number("orderId"), PaperOrder::id);
    }

    private List<ExchangeTrade> myTrades(ApiRequest r) {
        Optional<Long> orderId = r.number("orderId");
        List<ExchangeTrade> all = exchange.tradesAfter(symbol(r), -1).stream()
                .filter(t -> orderId.isEmpty() || Long.parseLong(t.exchangeOrderId()) == orderId.get())
                .filter(t -> inTime(r, t.time().toEpochMilli())).toList();
        return page(r, all, r.number("fromId"), ExchangeTrade::tradeId);
    }

    private static boolean inTime(ApiRequest r, long millis) {
        return millis >= r.number("startTime").orElse(Long.MIN_VALUE) && millis <= r.number("endTime").orElse(Long.MAX_VALUE);
    }

    /** From {@code fromId} on, the first {@code limit}; else (no start given) the newest {@code limit}. */
    private static <T> List<T> page(ApiRequest r, List<T> ascending, Optional<Long> fromId, ToLongFunction<T> id) {
        long limit = limit(r);
        if (fromId.isPresent() || r.optional("startTime").isPresent()) {
            long from = fromId.orElse(Long.MIN_VALUE);
            return ascending.stream().filter(x -> id.applyAsLong(x) >= from).limit(limit).toList();
        }
        return ascending.subList((int) Math.max(0, ascending.size() - limit), ascending.size());
    }

    static long limit(ApiRequest r) {
        return Math.max(1, Math.min(1000, r.number("limit").orElse(500L)));
    }

    private JsonNode account() {
        int bips = exchange.settings().feeRate().movePointRight(4).intValue();
        String rate = BinanceShapes.decimal(exchange.settings().feeRate());
        ObjectNode n = BinanceShapes.MAPPER.createObjectNode().put("makerCommission", bips)
                .put("takerCommission", bips).put("buyerCommission", 0).put("sellerCommission", 0);
        n.putObject("commissionRates").put("maker", rate).put("taker", rate)
                .put("buyer", BinanceShapes.decimal(BigDecimal.ZERO)).put("seller", BinanceShapes.decimal(BigDecimal.ZERO));
        n.put("canTrade", true).put("canWithdraw", false).put("canDeposit", false).put("brokered", false)
                .put("requireSelfTradePrevention", false).put("updateTime", clock.millis()).put("accountType", "SPOT");
        n.set("balances", array(exchange.balances().values(), BinanceShapes::balance));
        n.putArray("permissions").add("SPOT");
        return n;
    }

    static <T> ArrayNode array(Collection<T> items, Function<T, ? extends JsonNode> format) {
        ArrayNode a = BinanceShapes.MAPPER.createArrayNode();
        items.forEach(i -> a.add(format.apply(i)));
        return a;
    }
}
