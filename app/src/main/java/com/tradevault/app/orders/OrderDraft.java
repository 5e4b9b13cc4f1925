package com.tradevault.app.orders;

import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import java.util.Optional;

/**
 * An order the bot wants, before it has a client order id.
 *
 * @param limitPrice    a stop-limit's limit price (empty for stop-market and market orders)
 * @param trailingDelta a stop the exchange trails: the trail in basis points (then without a stop price)
 */
public record OrderDraft(Optional<Long> positionId, String symbol, Side side, OrderType type, OrderPurpose purpose,
                         Quantity quantity, Optional<Price> stopPrice, Optional<Price> limitPrice,
                         Optional<Integer> trailingDelta) {

    /** An order the exchange does not trail. */
    public OrderDraft(Optional<Long> positionId, String symbol, Side side, OrderType type, OrderPurpose purpose,
                      Quantity quantity, Optional<Price> stopPrice, Optional<Price> limitPrice) {
        this(positionId, symbol, side, type, purpose, quantity, stopPrice, limitPrice, Optional.empty());
    }

    /**
     * This stop as one the exchange trails by {@code bips} from the first trade after it is placed: without a
     * stop price, which would make it wait for the price to fall to it before it starts trailing
     * (trailing-stop FAQ); a stop-limit keeps its limit price.
     */
    public OrderDraft trailedByVenue(int bips) {
        return new OrderDraft(positionId, symbol, side, type, purpose, quantity, Optional.empty(), limitPrice,
                Optional.of(bips));
    }

    public static OrderDraft marketBuy(String symbol, Quantity quantity) {
        return new OrderDraft(Optional.empty(), symbol, Side.BUY, OrderType.MARKET, OrderPurpose.ENTRY, quantity,
                Optional.empty(), Optional.empty());
    }

    /** A stop-market ({@code STOP_LOSS}) at {@code level}; {@link DraftingStops} picks the type a symbol allows. */
    public static OrderDraft stop(long positionId, String symbol, Quantity quantity, Price level) {
        return new OrderDraft(Optional.of(positionId), symbol, Side.SELL, OrderType.STOP_LOSS, OrderPurpose.STOP,
                quantity, Optional.of(level), Optional.empty());
    }

    /** A stop-limit ({@code STOP_LOSS_LIMIT}) triggered at {@code level}, selling at {@code limit} or better. */
    public static OrderDraft stopLimit(long positionId, String symbol, Quantity quantity, Price level, Price limit) {
        return new OrderDraft(Optional.of(positionId), symbol, Side.SELL, OrderType.STOP_LOSS_LIMIT,
                OrderPurpose.STOP, quantity, Optional.of(level), Optional.of(limit));
    }

    public static OrderDraft marketExit(long positionId, String symbol, Quantity quantity) {
        return new OrderDraft(Optional.of(positionId), symbol, Side.SELL, OrderType.MARKET, OrderPurpose.EXIT,
                quantity, Optional.empty(), Optional.empty());
    }
}
