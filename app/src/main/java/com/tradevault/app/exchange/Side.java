package com.tradevault.app.exchange;

/** Buy or sell. */
public enum Side {
    BUY, SELL
}
