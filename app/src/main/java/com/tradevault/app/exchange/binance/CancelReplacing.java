package com.tradevault.app.exchange.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeException;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.ReplaceFailed;
import com.tradevault.app.exchange.UnknownOutcome;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code POST /api/v3/order/cancelReplace} with
 * {@code cancelReplaceMode=STOP_ON_FAILURE} and
 * {@code cancelRestrictions=ONLY_NEW}: the new order is placed only if the old
 * one was cancelled while untouched, so a stop is never doubled and a
 * half-filled one is never replaced. The venue's partial failures
 * (rest-api.md, errors.md -2021/-2022) become {@link ReplaceFailed}, with
 * the cancelled order where the cancel went through and the placement did
 * not. When the outcome is unknown both client ids are asked for.
 */
final class CancelReplacing {

    private static final String WHAT = "POST /api/v3/order/cancelReplace";

    private final BinanceExchange exchange;
    private final BinanceHttp http;
    private final Clock clock;

    CancelReplacing(BinanceExchange exchange, BinanceHttp http, Clock clock) {
        this.exchange = exchange;
        this.http = http;
        this.clock = clock;
    }

    ExchangeOrder replace(String symbol, ClientOrderId cancel, OrderRequest replacement) {
        Map<String, String> p = BinanceExchange.newOrder(replacement);
        p.put("cancelReplaceMode", "STOP_ON_FAILURE");
        p.put("cancelRestrictions", "ONLY_NEW");
        p.put("cancelOrigClientOrderId", cancel.value());
        try {
            JsonNode answer = http.signed("POST", "/api/v3/order/cancelReplace", p);
            return exchange.placed(WHAT, replacement, answer.path("newOrderResponse"));
        } catch (CancelReplaceRefused refused) {
            return halfDone(cancel, replacement, refused);
        } catch (UnknownOutcome lost) {
            return afterLoss(symbol, cancel, replacement, lost);
        }
    }

    /** -2021/-2022: which half failed decides what the caller holds now. */
    private ExchangeOrder halfDone(ClientOrderId cancel, OrderRequest replacement, CancelReplaceRefused refused) {
        JsonNode data = refused.data();
        boolean cancelled = "SUCCESS".equals(data.path("cancelResult").asText());
        boolean placed = "SUCCESS".equals(data.path("newOrderResult").asText());
        if (placed) {
            return exchange.placed(WHAT, replacement, data.path("newOrderResponse"));
        }
        if (cancelled) {
            ExchangeOrder old = OrderAnswers.order(WHAT + " cancelResponse", data.path("cancelResponse"),
                    clock.instant());
            ExchangeException why = failure("newOrderResponse", data.path("newOrderResponse"));
            throw new ReplaceFailed(cancel + " was cancelled but its replacement " + replacement.clientOrderId()
                    + " was refused: " + why.getMessage() + "; nothing protects the position now", Optional.of(old),
                    why);
        }
        ExchangeException why = failure("cancelResponse", data.path("cancelResponse"));
        throw new ReplaceFailed("cancel of " + cancel + " failed, so " + replacement.clientOrderId()
                + " was not placed: " + why.getMessage(), Optional.empty(), why);
    }

    private static ExchangeException failure(String half, JsonNode error) {
        return ErrorMapping.map(WHAT + " " + half, error.path("code").asInt(BinanceErrors.UNKNOWN),
                error.path("msg").asText("no reason given"));
    }

    /**
     * The answer was lost: the new order, if the venue has it, is the answer;
     * else if the old one is cancelled, the cancel went through alone; else
     * nothing is known yet.
     */
    private ExchangeOrder afterLoss(String symbol, ClientOrderId cancel, OrderRequest replacement,
                                    UnknownOutcome lost) {
        Optional<ExchangeOrder> placed = exchange.askAfterLoss(symbol, replacement.clientOrderId(), lost);
        if (placed.isPresent()) {
            return placed.get();
        }
        Optional<ExchangeOrder> old = exchange.askAfterLoss(symbol, cancel, lost);
        if (old.isPresent() && old.get().status() == OrderStatus.CANCELED) {
            throw new ReplaceFailed(cancel + " was cancelled but its replacement " + replacement.clientOrderId()
                    + " is not on the venue (" + lost.getMessage() + "); nothing protects the position now",
                    old, lost);
        }
        throw lost;
    }
}
