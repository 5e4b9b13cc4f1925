package com.tradevault.app.exchange.paper.server;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.exchange.binance.BinanceErrors;
import com.tradevault.app.exchange.paper.PaperExchange;
import java.math.BigDecimal;
import java.util.UUID;

/** Reads the parameters of {@code POST /api/v3/order} and friends, with Binance's errors for bad ones. */
final class OrderParameters {

    private final PaperExchange exchange;

    OrderParameters(PaperExchange exchange) {
        this.exchange = exchange;
    }

    String symbol(String symbol) {
        if (!exchange.settings().symbols().contains(symbol)) {
            throw ApiError.badRequest(BinanceErrors.BAD_SYMBOL, "Invalid symbol.");
        }
        return symbol;
    }

    ClientOrderId clientId(ApiRequest r, String name) {
        String value = r.required(name);
        try {
            return new ClientOrderId(value);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(BinanceErrors.ILLEGAL_CHARS, "Illegal characters found in parameter '"
                    + name + "'; legal range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'.");
        }
    }

    OrderRequest request(ApiRequest r) {
        String symbol = symbol(r.required("symbol"));
        Side side = side(r.required("side"));
        OrderType type = type(r.required("type"));
        if (type == OrderType.LIMIT || type == OrderType.STOP_LOSS_LIMIT) {
            if (!r.required("timeInForce").equals("GTC")) {
                throw ApiError.badRequest(BinanceErrors.BAD_PARAMETER, "Invalid timeInForce: only GTC is supported.");
            }
        }
        BigDecimal quantity = r.decimal("quantity").orElseThrow(() -> ApiError.badRequest(
                BinanceErrors.MANDATORY_PARAM,
                "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed."));
        ClientOrderId id = r.optional("newClientOrderId").isPresent() ? clientId(r, "newClientOrderId")
                : new ClientOrderId("paper" + UUID.randomUUID().toString().replace("-", "").substring(0, 17));
        return new OrderRequest(symbol, side, type, quantity, r.decimal("price"), r.decimal("stopPrice"), id);
    }

    private static Side side(String value) {
        try {
            return Side.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(-1117, "Invalid side.");
        }
    }

    private static OrderType type(String value) {
        try {
            return OrderType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(-1116, "Invalid orderType.");
        }
    }

}
