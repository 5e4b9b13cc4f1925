package com.tradevault.app.exchange.paper.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradevault.app.exchange.Balance;
import com.tradevault.app.exchange.Candle;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.exchange.paper.CancelReplace.Placed;
import com.tradevault.app.exchange.paper.PaperOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The paper server's own writer of Binance Spot's answers, written from
 * rest-api.md (not shared with the REST adapter, which reads them): orders in
 * the query shape and in the ACK, RESULT and FULL answers to a new order, the
 * cancel answer, trades, balances and klines. Decimals are strings with eight
 * places, times epoch milliseconds; fields the docs call conditional (stopPrice,
 * trailingDelta, trailingTime) appear only on the orders they belong to.
 */
final class BinanceShapes {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private BinanceShapes() {
    }

    static String decimal(BigDecimal value) {
        return value.setScale(8, RoundingMode.UNNECESSARY).toPlainString();
    }

    static ObjectNode error(int code, String msg) {
        return MAPPER.createObjectNode().put("code", code).put("msg", msg);
    }

    /** GET /api/v3/order, openOrders and allOrders. */
    static ObjectNode order(PaperOrder o) {
        ObjectNode n = head(o);
        terms(n, o);
        n.put("time", millis(o.createdAt())).put("updateTime", millis(o.updatedAt()))
                .put("isWorking", !o.awaitsTrigger()).put("workingTime", workingTime(o))
                .put("origQuoteOrderQty", decimal(o.origQuoteQty())).put("selfTradePreventionMode", "NONE");
        return n;
    }

    /** The ACK answer to a new order. */
    static ObjectNode ack(PaperOrder o) {
        return head(o).put("transactTime", millis(o.updatedAt()));
    }

    /** The RESULT answer to a new order. */
    static ObjectNode result(PaperOrder o) {
        ObjectNode n = ack(o);
        terms(n, o);
        return n.put("workingTime", workingTime(o)).put("selfTradePreventionMode", "NONE");
    }

    /** The FULL answer: RESULT with the fills the placement made. */
    static ObjectNode full(Placed placed) {
        ObjectNode n = result(placed.order());
        ArrayNode fills = n.putArray("fills");
        for (ExchangeTrade t : placed.fills()) {
            fills.addObject().put("price", decimal(t.price())).put("qty", decimal(t.quantity()))
                    .put("commission", decimal(t.commission())).put("commissionAsset", t.commissionAsset())
                    .put("tradeId", t.tradeId());
        }
        return n;
    }

    /** DELETE /api/v3/order: {@code clientOrderId} is the cancel's own id, {@code origClientOrderId} the order's. */
    static ObjectNode cancelled(PaperOrder o, String cancelId) {
        ObjectNode n = MAPPER.createObjectNode().put("symbol", o.symbol())
                .put("origClientOrderId", o.clientOrderId().value()).put("orderId", o.id()).put("orderListId", -1)
                .put("clientOrderId", cancelId).put("transactTime", millis(o.updatedAt()));
        terms(n, o);
        return n.put("selfTradePreventionMode", "NONE");
    }

    private static ObjectNode head(PaperOrder o) {
        return MAPPER.createObjectNode().put("symbol", o.symbol()).put("orderId", o.id()).put("orderListId", -1)
                .put("clientOrderId", o.clientOrderId().value());
    }

    private static void terms(ObjectNode n, PaperOrder o) {
        n.put("price", decimal(o.price().orElse(BigDecimal.ZERO))).put("origQty", decimal(o.quantity()))
                .put("executedQty", decimal(o.executed())).put("cummulativeQuoteQty", decimal(o.cumulativeQuote()))
                .put("status", o.status().name()).put("timeInForce", "GTC")
                .put("type", o.type().name()).put("side", o.side().name());
        if (contingent(o.type())) {
            n.put("stopPrice", decimal(o.stopPrice().orElse(BigDecimal.ZERO)));
        }
        o.trailingDelta().ifPresent(d -> n.put("trailingDelta", d)
                .put("trailingTime", o.trailExtreme().isPresent() ? millis(o.updatedAt()) : -1));
    }

    private static boolean contingent(OrderType type) {
        return type == OrderType.STOP_LOSS || type == OrderType.STOP_LOSS_LIMIT || type == OrderType.TAKE_PROFIT
                || type == OrderType.TAKE_PROFIT_LIMIT;
    }

    private static long workingTime(PaperOrder o) {
        return o.workingSince().map(Instant::toEpochMilli).orElse(-1L);
    }

    private static long millis(Instant t) {
        return t.toEpochMilli();
    }

    /** GET /api/v3/myTrades. */
    static ObjectNode trade(ExchangeTrade t) {
        BigDecimal quote = t.price().multiply(t.quantity()).setScale(8, RoundingMode.HALF_EVEN);
        return MAPPER.createObjectNode().put("symbol", t.symbol()).put("id", t.tradeId())
                .put("orderId", Long.parseLong(t.exchangeOrderId())).put("orderListId", -1)
                .put("price", decimal(t.price())).put("qty", decimal(t.quantity())).put("quoteQty", decimal(quote))
                .put("commission", decimal(t.commission())).put("commissionAsset", t.commissionAsset())
                .put("time", millis(t.time())).put("isBuyer", t.side() == Side.BUY).put("isMaker", false)
                .put("isBestMatch", true);
    }

    static ObjectNode balance(Balance b) {
        return MAPPER.createObjectNode().put("asset", b.asset()).put("free", decimal(b.free()))
                .put("locked", decimal(b.locked()));
    }

    /** A one-minute kline: open time, OHLC, volume, close time, quote volume, trades, taker volumes, unused. */
    static ArrayNode kline(Candle c) {
        String zero = decimal(BigDecimal.ZERO);
        ArrayNode a = MAPPER.createArrayNode();
        a.add(millis(c.openTime())).add(decimal(c.open())).add(decimal(c.high())).add(decimal(c.low()))
                .add(decimal(c.close())).add(zero).add(millis(c.openTime()) + 59_999).add(zero).add(0)
                .add(zero).add(zero).add("0");
        return a;
    }
}
