package com.tradevault.app.exchange.paper;

import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.core.config.SettingsReader;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How strict the paper venue is, read from the {@code paper} section: which
 * order types every symbol allows ({@code paper.order-types}, by default the
 * list real BTCUSDT showed for years, without STOP_LOSS), whether stops may
 * trail and cancel-replace works, the PERCENT_PRICE_BY_SIDE band, and the
 * request-weight and order-count limits the server enforces.
 *
 * @param orderTypes           the order types every symbol accepts, in Binance's order
 * @param allowTrailingStop    {@code paper.allow-trailing-stop}: stops may carry a {@code trailingDelta}
 * @param cancelReplaceAllowed {@code paper.cancel-replace-allowed}: cancel-replace works
 * @param priceBand            PERCENT_PRICE_BY_SIDE multipliers (the same for both sides)
 * @param limits               the server's rate limits
 */
public record VenueRules(List<OrderType> orderTypes, boolean allowTrailingStop, boolean cancelReplaceAllowed,
                         SymbolRules.PriceBand priceBand, RateLimits limits) {

    /** The order types of a symbol that does not allow STOP_LOSS (real BTCUSDT for years). */
    public static final String STRICT_ORDER_TYPES = "LIMIT, LIMIT_MAKER, MARKET, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT";

    /** Smallest and largest {@code trailingDelta} in basis points (the TRAILING_DELTA filter). */
    public static final int MIN_TRAILING_DELTA = 10;
    public static final int MAX_TRAILING_DELTA = 2000;

    /**
     * The limits Binance lists in exchangeInfo {@code rateLimits}.
     *
     * @param weightPerMinute REQUEST_WEIGHT per minute
     * @param ordersPer10s    ORDERS per 10 seconds
     * @param ordersPerDay    ORDERS per day
     */
    public record RateLimits(int weightPerMinute, int ordersPer10s, int ordersPerDay) {
    }

    public VenueRules {
        orderTypes = List.copyOf(orderTypes);
    }

    static VenueRules read(SettingsReader reader) {
        BigDecimal down = PaperSettings.positive(reader, "paper.price-band.multiplier-down");
        BigDecimal up = PaperSettings.positive(reader, "paper.price-band.multiplier-up");
        if (down.compareTo(BigDecimal.ONE) > 0 || up.compareTo(BigDecimal.ONE) < 0) {
            reader.problem("paper.price-band", "multiplier-down must be at most 1 and multiplier-up at least 1", "");
        }
        RateLimits limits = new RateLimits(reader.intBetween("paper.rate-limits.request-weight-per-minute", 1, 1_000_000),
                reader.intBetween("paper.rate-limits.orders-per-10s", 1, 1_000_000),
                reader.intBetween("paper.rate-limits.orders-per-day", 1, 100_000_000));
        return new VenueRules(orderTypes(reader), reader.onOff("paper.allow-trailing-stop"),
                reader.onOff("paper.cancel-replace-allowed"), new SymbolRules.PriceBand(down, up), limits);
    }

    private static List<OrderType> orderTypes(SettingsReader reader) {
        String path = "paper.order-types";
        Set<OrderType> types = EnumSet.noneOf(OrderType.class);
        for (String name : reader.string(path).trim().split("[,\\s]+")) {
            try {
                types.add(OrderType.valueOf(name));
            } catch (IllegalArgumentException e) {
                return reader.problem(path, "must list order types separated by commas, each one of "
                        + Arrays.toString(OrderType.values()).replaceAll("[\\[\\]]", ""), List.of(OrderType.MARKET));
            }
        }
        if (!types.contains(OrderType.MARKET)) {
            return reader.problem(path, "must include MARKET (the bot enters and exits with market orders)",
                    List.copyOf(types));
        }
        return binanceOrder(types);
    }

    /** Binance lists order types alphabetically (LIMIT, LIMIT_MAKER, MARKET, STOP_LOSS, ...). */
    private static List<OrderType> binanceOrder(Set<OrderType> types) {
        return types.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }
}
