package com.tradevault.app.exchange.paper;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * A seeded geometric random walk: each tick multiplies the price by
 * {@code 1 + drift + volatility × z} with z standard normal, rounded to the
 * tick size and never below one tick. The random number is drawn from the
 * seed, the symbol and the tick number, so the same seed replays the same
 * prices, across restarts too.
 */
final class RandomWalk implements PriceFeed {

    private final long seed;
    private final BigDecimal drift;
    private final BigDecimal volatility;
    private final BigDecimal tickSize;

    RandomWalk(long seed, BigDecimal drift, BigDecimal volatility, BigDecimal tickSize) {
        this.seed = seed;
        this.drift = drift;
        this.volatility = volatility;
        this.tickSize = tickSize;
    }

    @Override
    public BigDecimal next(String symbol, BigDecimal last, long tick) {
        BigDecimal change = drift.add(volatility.multiply(standardNormal(symbol, tick), MathContext.DECIMAL64));
        BigDecimal raw = last.multiply(BigDecimal.ONE.add(change), MathContext.DECIMAL64);
        BigDecimal rounded = raw.divide(tickSize, 0, RoundingMode.HALF_EVEN).multiply(tickSize);
        return EightDecimals.plain(rounded.max(tickSize));
    }

    /** A random number (not an amount), turned exact so that the price arithmetic stays decimal. */
    private BigDecimal standardNormal(String symbol, long tick) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + symbol.hashCode() * 7_919L + tick);
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        double z = Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
        return BigDecimal.valueOf(z).setScale(8, RoundingMode.HALF_EVEN);
    }
}
