package com.tradevault.app.exchange.paper.server;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.exchange.paper.CancelReplace.OrderRef;
import com.tradevault.app.exchange.paper.CancelReplace.Restriction;
import com.tradevault.app.exchange.paper.PaperExchange;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the parameters of {@code POST /api/v3/order} and friends, with Binance's errors for bad ones. */
final class OrderParameters {

    private static final String CLIENT_ID_RANGE = "^[\\.A-Z\\:/a-z0-9_-]{1,36}$";

    /** {@code newOrderRespType}. */
    enum RespType { ACK, RESULT, FULL }

    /**
     * A new order as requested.
     *
     * @param quoteQty a MARKET order's {@code quoteOrderQty}: then the request's quantity is to be computed
     */
    record NewOrder(OrderRequest request, Optional<BigDecimal> quoteQty, RespType respType) {
    }

    private final PaperExchange exchange;

    OrderParameters(PaperExchange exchange) {
        this.exchange = exchange;
    }

    String symbol(String symbol) {
        if (!exchange.settings().symbols().contains(symbol)) {
            throw ApiError.badRequest(Codes.BAD_SYMBOL, "Invalid symbol.");
        }
        return symbol;
    }

    /** The symbols of {@code symbol} or {@code symbols} (not both); all when neither is given. */
    List<String> symbols(ApiRequest r) {
        Optional<List<String>> several = r.symbols();
        if (several.isPresent() && r.optional("symbol").isPresent()) {
            throw ApiError.badRequest(Codes.OPTIONAL_PARAMS_BAD_COMBO, "Combination of optional parameters invalid.");
        }
        return r.optional("symbol").map(s -> List.of(symbol(s)))
                .or(() -> several.map(list -> list.stream().map(this::symbol).toList()))
                .orElse(exchange.settings().symbols());
    }

    ClientOrderId clientId(String name, String value) {
        try {
            return new ClientOrderId(value);
        } catch (IllegalArgumentException e) {
            throw Codes.illegal(name, CLIENT_ID_RANGE);
        }
    }

    /** The order named by {@code idName} (wins) or {@code clientIdName}; one of them must be sent. */
    OrderRef ref(ApiRequest r, String idName, String clientIdName) {
        Optional<Long> id = r.number(idName);
        Optional<ClientOrderId> clientId = r.optional(clientIdName).map(v -> clientId(clientIdName, v));
        if (id.isEmpty() && clientId.isEmpty()) {
            throw ApiError.badRequest(Codes.MANDATORY_PARAM,
                    "Param '" + clientIdName + "' or '" + idName + "' must be sent, but both were empty!");
        }
        return new OrderRef(id, id.isPresent() ? Optional.empty() : clientId);
    }

    Optional<Restriction> restriction(ApiRequest r) {
        return r.optional("cancelRestrictions").map(v -> {
            try {
                return Restriction.valueOf(v);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest(Codes.INVALID_CANCEL_RESTRICTIONS, "Invalid cancelRestrictions");
            }
        });
    }

    String newId(ApiRequest r, String name, String prefix) {
        return r.optional(name).map(v -> clientId(name, v).value())
                .orElse(prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 18));
    }

    NewOrder newOrder(ApiRequest r) {
        String symbol = symbol(r.required("symbol"));
        Side side = enumOf(Side.class, r.required("side"), Codes.INVALID_SIDE, "Invalid side.");
        OrderType type = enumOf(OrderType.class, r.required("type"), Codes.INVALID_ORDER_TYPE, "Invalid orderType.");
        timeInForce(r, type);
        Optional<BigDecimal> quoteQty = quoteQty(r, type);
        BigDecimal quantity = quoteQty.isPresent() ? BigDecimal.ZERO : r.decimal("quantity").orElseThrow(() ->
                type == OrderType.MARKET ? ApiError.badRequest(Codes.MANDATORY_PARAM,
                        "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty!")
                        : Codes.mandatory("quantity"));
        ClientOrderId id = clientId("newClientOrderId", newId(r, "newClientOrderId", "paper"));
        Optional<Integer> trailingDelta = r.number("trailingDelta").map(d -> (int) Math.min(d, Integer.MAX_VALUE));
        OrderRequest request = new OrderRequest(symbol, side, type, quantity, r.decimal("price"),
                r.decimal("stopPrice"), trailingDelta, id);
        return new NewOrder(request, quoteQty, respType(r, type));
    }

    private static void timeInForce(ApiRequest r, OrderType type) {
        boolean wanted = type.hasLimitPrice() && type != OrderType.LIMIT_MAKER;
        if (!wanted) {
            return;
        }
        String tif = r.required("timeInForce");
        if (!tif.equals("GTC")) {
            throw ApiError.badRequest(Codes.BAD_PARAMETER, "Invalid timeInForce: the paper exchange supports GTC only.");
        }
    }

    private static Optional<BigDecimal> quoteQty(ApiRequest r, OrderType type) {
        Optional<BigDecimal> quote = r.decimal("quoteOrderQty");
        if (quote.isPresent() && (type != OrderType.MARKET || r.optional("quantity").isPresent())) {
            throw Codes.notRequired("quoteOrderQty");
        }
        return quote;
    }

    private static RespType respType(ApiRequest r, OrderType type) {
        RespType fallback = type == OrderType.MARKET || type == OrderType.LIMIT ? RespType.FULL : RespType.ACK;
        return r.optional("newOrderRespType").map(v -> {
            try {
                return RespType.valueOf(v);
            } catch (IllegalArgumentException e) {
                throw Codes.illegal("newOrderRespType", "ACK, RESULT, FULL");
            }
        }).orElse(fallback);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, int code, String message) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(code, message);
        }
    }
}
