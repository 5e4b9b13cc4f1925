package com.tradevault.app.trading;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A breakout entry: buy when the price rises above the highest of the last
 * {@code lookback} scans by at least the margin. Exits are left to the
 * trailing stop on the venue. One instance per symbol, holding its own window.
 */
public final class BreakoutStrategy {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final StrategySettings settings;
    private final PriceWindow window;

    public BreakoutStrategy(StrategySettings settings) {
        this.settings = settings;
        this.window = new PriceWindow(settings.lookback());
    }

    /** What the strategy makes of a price: a breakout or not, with the inputs it used. */
    public record Signal(boolean breakout, String reason, Map<String, Object> inputs) {
    }

    /** Judges {@code price} against the prices before it, then remembers it for the next scan. */
    public Signal scan(Price price) {
        Signal signal = judge(price);
        window.add(price);
        return signal;
    }

    private Signal judge(Price price) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("price", price.value().stripTrailingZeros());
        inputs.put("lookback", settings.lookback());
        inputs.put("breakoutMarginPercent", settings.breakoutMarginPercent());
        if (!window.isFull()) {
            inputs.put("pricesSeen", window.size());
            return new Signal(false, "warming-up", inputs);
        }
        List<Price> prices = window.prices();
        BigDecimal high = Collections.max(prices).value();
        BigDecimal entryLevel = high.multiply(HUNDRED.add(settings.breakoutMarginPercent())).divide(HUNDRED);
        inputs.put("rangeHigh", high.stripTrailingZeros());
        inputs.put("rangeLow", Collections.min(prices).value().stripTrailingZeros());
        inputs.put("entryLevel", entryLevel.stripTrailingZeros());
        boolean breakout = price.value().compareTo(entryLevel) > 0;
        return new Signal(breakout, breakout ? "breakout" : "no-breakout", inputs);
    }
}
