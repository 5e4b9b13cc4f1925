package com.tradevault.app.exchange.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradevault.app.exchange.Balance;
import com.tradevault.app.exchange.Candle;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.exchange.UnreadableAnswer;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the adapter's side of Binance Spot's answers (rest-api.md): orders as
 * the query, open-orders, all-orders, cancel and the RESULT/FULL placement
 * answers give them, trades of myTrades, balances of account, klines. An ACK
 * answer carries no order state; {@link #isAcknowledgementOnly} tells it apart
 * so that the caller asks for the order.
 */
final class OrderAnswers {

    private OrderAnswers() {
    }

    /** An ACK answer: the order was accepted, but its state is not in the answer. */
    static boolean isAcknowledgementOnly(JsonNode answer) {
        return answer.hasNonNull("orderId") && !answer.has("status");
    }

    /**
     * An order. A cancel's answer names the order's client id
     * {@code origClientOrderId} (its {@code clientOrderId} is the cancel's);
     * answers without {@code time}/{@code updateTime} are dated by
     * {@code transactTime}, or by {@code answeredAt} when they have neither.
     */
    static ExchangeOrder order(String endpoint, JsonNode n, Instant answeredAt) {
        AnswerFields f = new AnswerFields(endpoint, n);
        OrderType type = f.enumValue("type", OrderType.class);
        Instant transacted = f.optionalTime("transactTime").orElse(answeredAt);
        Instant created = f.optionalTime("time").orElse(transacted);
        String clientId = f.has("origClientOrderId") ? f.text("origClientOrderId") : f.text("clientOrderId");
        return new ExchangeOrder(f.text("symbol"), Long.toString(f.number("orderId")), clientOrderId(f, clientId),
                f.enumValue("side", Side.class), type, f.enumValue("status", OrderStatus.class), f.decimal("origQty"),
                f.decimal("executedQty"), f.decimal("cummulativeQuoteQty"), f.positiveDecimal("price"),
                f.positiveDecimal("stopPrice"), working(f, type), created,
                f.optionalTime("updateTime").orElse(transacted),
                f.optionalNumber("trailingDelta").map(Math::toIntExact));
    }

    /**
     * {@code isWorking} where the answer has it; else {@code workingTime},
     * which is -1 for a stop not yet triggered; else (cancel answers) a
     * stop is taken as not working and any other order as working.
     */
    private static boolean working(AnswerFields f, OrderType type) {
        if (f.has("isWorking")) {
            return f.bool("isWorking");
        }
        return f.optionalNumber("workingTime").map(t -> t >= 0).orElse(!type.isStop());
    }

    private static ClientOrderId clientOrderId(AnswerFields f, String raw) {
        try {
            return new ClientOrderId(raw);
        } catch (IllegalArgumentException e) {
            throw f.unreadable("clientOrderId", "is '" + raw + "', not a client order id of [.A-Z:/a-z0-9_-]{1,36}");
        }
    }

    /** A trade as GET /api/v3/myTrades lists it. */
    static ExchangeTrade trade(String endpoint, JsonNode n) {
        AnswerFields f = new AnswerFields(endpoint, n);
        return new ExchangeTrade(f.text("symbol"), f.number("id"), Long.toString(f.number("orderId")),
                f.bool("isBuyer") ? Side.BUY : Side.SELL, f.decimal("price"), f.decimal("qty"),
                f.decimal("commission"), f.text("commissionAsset"), f.time("time"));
    }

    /** One entry of GET /api/v3/account {@code balances}. */
    static Balance balance(String endpoint, JsonNode n) {
        AnswerFields f = new AnswerFields(endpoint, n);
        return new Balance(f.text("asset"), f.decimal("free"), f.decimal("locked"));
    }

    /** A kline: [open time, open, high, low, close, volume, close time, ...]; only the first five are read. */
    static Candle kline(String endpoint, JsonNode a) {
        if (!a.isArray() || a.size() < 5) {
            throw new UnreadableAnswer("cannot read the answer of " + endpoint + ": a kline is " + a
                    + ", not an array of at least 5 values (open time, open, high, low, close)");
        }
        AnswerFields f = new AnswerFields(endpoint, a);
        String[] names = {"open time", "open", "high", "low", "close"};
        if (!a.get(0).canConvertToLong()) {
            throw f.unreadable(names[0], "is " + a.get(0) + ", not a time in milliseconds");
        }
        return new Candle(Instant.ofEpochMilli(a.get(0).asLong()), f.decimal(names[1], a.get(1)),
                f.decimal(names[2], a.get(2)), f.decimal(names[3], a.get(3)), f.decimal(names[4], a.get(4)));
    }
}
