package com.tradevault.app.exchange;

/**
 * Order types as Binance Spot names them (enums.md, "Order types"). The bot
 * places MARKET, STOP_LOSS (a stop-market order) and STOP_LOSS_LIMIT; the
 * others can be on the account (placed by a person or another tool) and are
 * read without failing.
 */
public enum OrderType {
    MARKET, LIMIT, STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT, LIMIT_MAKER;

    /** A protective sell stop: triggers when the price falls to its stop price. */
    public boolean isStop() {
        return this == STOP_LOSS || this == STOP_LOSS_LIMIT;
    }

    /** Carries a limit price once it rests or triggers. */
    public boolean hasLimitPrice() {
        return this == LIMIT || this == STOP_LOSS_LIMIT || this == TAKE_PROFIT_LIMIT || this == LIMIT_MAKER;
    }
}
