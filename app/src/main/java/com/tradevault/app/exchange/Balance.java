package com.tradevault.app.exchange;

import java.math.BigDecimal;

/** An asset's balance: free to use, and locked by open orders. */
public record Balance(String asset, BigDecimal free, BigDecimal locked) {

    public BigDecimal total() {
        return free.add(locked);
    }
}
