package com.tradevault.app.exchange;

/** Order types as Binance Spot names them; STOP_LOSS is a stop-market order. */
public enum OrderType {
    MARKET, LIMIT, STOP_LOSS, STOP_LOSS_LIMIT;

    public boolean isStop() {
        return this == STOP_LOSS || this == STOP_LOSS_LIMIT;
    }
}
