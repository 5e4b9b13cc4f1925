package com.tradevault.app.exchange.paper.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.paper.CancelReplace;
import com.tradevault.app.exchange.paper.CancelReplace.Mode;
import com.tradevault.app.exchange.paper.PaperExchange;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v3/order/cancelReplace}: cancels an order and places a new
 * one on the same symbol, answering the documented shapes: both done (200),
 * the cancel failed under STOP_ON_FAILURE or both failed (-2022, 400), the
 * new order failed after the cancel (-2021, 400), or the cancel failed but the
 * new order was placed under ALLOW_FAILURE (-2021, 409).
 */
final class CancelReplaceRoute {

    private final PaperExchange exchange;
    private final OrderParameters orders;

    CancelReplaceRoute(PaperExchange exchange, OrderParameters orders) {
        this.exchange = exchange;
        this.orders = orders;
    }

    Response handle(ApiRequest r) {
        Mode mode = mode(r.required("cancelReplaceMode"));
        OrderParameters.NewOrder order = orders.newOrder(r);
        String symbol = order.request().symbol();
        if (!exchange.rules(symbol).cancelReplaceAllowed()) {
            throw ApiError.badRequest(Codes.UNSUPPORTED_OPERATION, "This operation is not supported.");
        }
        CancelReplace.Outcome outcome = exchange.cancelReplace(symbol,
                orders.ref(r, "cancelOrderId", "cancelOrigClientOrderId"), orders.restriction(r), mode,
                order.request(), order.quoteQty());
        ObjectNode data = data(outcome, orders.newId(r, "cancelNewClientOrderId", "cancel"), order.respType());
        if (outcome.succeeded()) {
            return Response.ok(data);
        }
        boolean partly = outcome.cancelled().isPresent() || outcome.placed().isPresent();
        ObjectNode body = BinanceShapes.error(partly ? Codes.CANCEL_REPLACE_PARTIALLY_FAILED : Codes.CANCEL_REPLACE_FAILED,
                partly ? "Order cancel-replace partially failed." : "Order cancel-replace failed.");
        body.set("data", data);
        return new Response(outcome.placed().isPresent() ? 409 : 400, body, Map.of());
    }

    private static Mode mode(String value) {
        try {
            return Mode.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw Codes.illegal("cancelReplaceMode", "STOP_ON_FAILURE, ALLOW_FAILURE");
        }
    }

    private static ObjectNode data(CancelReplace.Outcome o, String cancelId, OrderParameters.RespType respType) {
        ObjectNode data = BinanceShapes.MAPPER.createObjectNode();
        data.put("cancelResult", o.cancelled().isPresent() ? "SUCCESS" : "FAILURE");
        boolean attempted = o.placed().isPresent() || o.placeError().isPresent();
        data.put("newOrderResult", o.placed().isPresent() ? "SUCCESS" : attempted ? "FAILURE" : "NOT_ATTEMPTED");
        data.set("cancelResponse", o.cancelled().<JsonNode>map(c -> BinanceShapes.cancelled(c, cancelId))
                .orElseGet(() -> error(o.cancelError())));
        data.set("newOrderResponse", o.placed().<JsonNode>map(p -> AccountRoutes.answer(p, respType))
                .orElseGet(() -> attempted ? error(o.placeError()) : BinanceShapes.MAPPER.nullNode()));
        return data;
    }

    private static JsonNode error(Optional<OrderRejected> e) {
        return BinanceShapes.error(e.orElseThrow().code(), e.get().getMessage());
    }
}
