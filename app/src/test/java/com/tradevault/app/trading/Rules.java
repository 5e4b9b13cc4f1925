package com.tradevault.app.trading;

import com.tradevault.app.exchange.SymbolRules;
import java.math.BigDecimal;

/** Symbol rules for tests: tick 0.01, step 0.00001, minimum quantity 0.00001, minimum notional 5. */
final class Rules {

    static final SymbolRules BTCUSDT = new SymbolRules("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("5"),
            java.util.Set.of(com.tradevault.app.exchange.OrderType.MARKET, com.tradevault.app.exchange.OrderType.STOP_LOSS,
                    com.tradevault.app.exchange.OrderType.STOP_LOSS_LIMIT), false, false, java.util.Optional.empty());

    private Rules() {
    }
}
