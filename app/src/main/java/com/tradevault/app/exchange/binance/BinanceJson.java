package com.tradevault.app.exchange.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradevault.app.exchange.Balance;
import com.tradevault.app.exchange.Candle;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Binance Spot's JSON shapes of orders, trades, balances and klines as the
 * paper exchange server writes them. The REST adapter does not read with this
 * class: it has its own readers ({@code OrderAnswers}, {@code AnswerFields}),
 * tested against Binance's documented answers, so that a misunderstanding on
 * one side is not copied to the other. Decimals travel as strings with eight
 * places, times as epoch milliseconds.
 */
public final class BinanceJson {

    /** The mapper both sides use. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private BinanceJson() {
    }

    public static String decimal(BigDecimal value) {
        return value.setScale(8, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A decimal as this project compares them: shortest exact form, no exponent. */
    public static BigDecimal decimal(JsonNode node) {
        BigDecimal v = new BigDecimal(node.asText()).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /** An order as GET/POST/DELETE /api/v3/order answer it. */
    public static ObjectNode order(ExchangeOrder o) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("symbol", o.symbol()).put("orderId", Long.parseLong(o.exchangeOrderId())).put("orderListId", -1)
                .put("clientOrderId", o.clientOrderId().value())
                .put("transactTime", o.updatedAt().toEpochMilli())
                .put("price", decimal(o.price().orElse(BigDecimal.ZERO))).put("origQty", decimal(o.quantity()))
                .put("executedQty", decimal(o.executedQuantity()))
                .put("cummulativeQuoteQty", decimal(o.cumulativeQuote())).put("status", o.status().name())
                .put("timeInForce", "GTC").put("type", o.type().name()).put("side", o.side().name())
                .put("stopPrice", decimal(o.stopPrice().orElse(BigDecimal.ZERO))).put("icebergQty", decimal(BigDecimal.ZERO))
                .put("time", o.createdAt().toEpochMilli()).put("updateTime", o.updatedAt().toEpochMilli())
                .put("isWorking", o.working())
                .put("workingTime", o.createdAt().toEpochMilli())
                .put("origQuoteOrderQty", decimal(BigDecimal.ZERO)).put("selfTradePreventionMode", "NONE");
        return n;
    }

    /**
     * An order as DELETE /api/v3/order answers it: {@code origClientOrderId} is the order's client id,
     * {@code clientOrderId} the id of the cancel request.
     */
    public static ObjectNode cancelled(ExchangeOrder o, String cancelRequestId) {
        ObjectNode n = order(o);
        n.put("origClientOrderId", o.clientOrderId().value()).put("clientOrderId", cancelRequestId);
        return n;
    }

    /** Reads an order; for a cancel's answer the order's client id is {@code origClientOrderId}. */
    public static ExchangeOrder order(JsonNode n) {
        long transact = n.path("transactTime").asLong(0);
        Instant created = Instant.ofEpochMilli(n.has("time") ? n.get("time").asLong() : transact);
        Instant updated = Instant.ofEpochMilli(n.has("updateTime") ? n.get("updateTime").asLong() : transact);
        String clientId = n.hasNonNull("origClientOrderId") ? n.get("origClientOrderId").asText()
                : n.get("clientOrderId").asText();
        return new ExchangeOrder(n.get("symbol").asText(), n.get("orderId").asText(),
                new ClientOrderId(clientId), Side.valueOf(n.get("side").asText()),
                OrderType.valueOf(n.get("type").asText()), OrderStatus.valueOf(n.get("status").asText()),
                decimal(n.get("origQty")), decimal(n.get("executedQty")), decimal(n.get("cummulativeQuoteQty")),
                positive(n.get("price")), positive(n.get("stopPrice")),
                n.path("isWorking").asBoolean(!OrderType.valueOf(n.get("type").asText()).isStop()), created, updated);
    }

    private static Optional<BigDecimal> positive(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        BigDecimal v = decimal(node);
        return v.signum() > 0 ? Optional.of(v) : Optional.empty();
    }

    /** A trade as GET /api/v3/myTrades lists it. */
    public static ObjectNode trade(ExchangeTrade t) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("symbol", t.symbol()).put("id", t.tradeId()).put("orderId", Long.parseLong(t.exchangeOrderId()))
                .put("orderListId", -1).put("price", decimal(t.price())).put("qty", decimal(t.quantity()))
                .put("quoteQty", decimal(t.price().multiply(t.quantity()).setScale(8, java.math.RoundingMode.HALF_EVEN)))
                .put("commission", decimal(t.commission())).put("commissionAsset", t.commissionAsset())
                .put("time", t.time().toEpochMilli()).put("isBuyer", t.side() == Side.BUY).put("isMaker", false)
                .put("isBestMatch", true);
        return n;
    }

    public static ExchangeTrade trade(JsonNode n) {
        return new ExchangeTrade(n.get("symbol").asText(), n.get("id").asLong(), n.get("orderId").asText(),
                n.get("isBuyer").asBoolean() ? Side.BUY : Side.SELL, decimal(n.get("price")), decimal(n.get("qty")),
                decimal(n.get("commission")), n.get("commissionAsset").asText(),
                Instant.ofEpochMilli(n.get("time").asLong()));
    }

    public static ObjectNode balance(Balance b) {
        return MAPPER.createObjectNode().put("asset", b.asset()).put("free", decimal(b.free()))
                .put("locked", decimal(b.locked()));
    }

    public static Balance balance(JsonNode n) {
        return new Balance(n.get("asset").asText(), decimal(n.get("free")), decimal(n.get("locked")));
    }

    /** A one-minute kline: [openTime, open, high, low, close, volume, closeTime, quote volume, trades, ...]. */
    public static ArrayNode kline(Candle c) {
        ArrayNode a = MAPPER.createArrayNode();
        a.add(c.openTime().toEpochMilli()).add(decimal(c.open())).add(decimal(c.high())).add(decimal(c.low()))
                .add(decimal(c.close())).add(decimal(BigDecimal.ZERO)).add(c.openTime().toEpochMilli() + 59_999)
                .add(decimal(BigDecimal.ZERO)).add(0).add(decimal(BigDecimal.ZERO)).add(decimal(BigDecimal.ZERO))
                .add("0");
        return a;
    }

    public static Candle kline(JsonNode a) {
        return new Candle(Instant.ofEpochMilli(a.get(0).asLong()), decimal(a.get(1)), decimal(a.get(2)),
                decimal(a.get(3)), decimal(a.get(4)));
    }
}
