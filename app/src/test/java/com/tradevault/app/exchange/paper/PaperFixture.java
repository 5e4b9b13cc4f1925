package com.tradevault.app.exchange.paper;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.SettingsReader;
import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Paper settings and order requests for tests: BTCUSDT at 100, 1000 USDT, 1 BTC, fee 0.1 %. The engine
 * tests allow every order type so that each can be exercised; {@link #STRICT} gives the default list.
 */
public final class PaperFixture {

    private PaperFixture() {
    }

    /** Every order type Binance documents. */
    public static final String ALL_TYPES =
            "LIMIT, LIMIT_MAKER, MARKET, STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT";

    /** Pass as key-values to keep paper.order-types at its default (no STOP_LOSS). */
    public static final String[] STRICT = {"paper.order-types", VenueRules.STRICT_ORDER_TYPES};

    public static PaperSettings settings(Path dir, String... keyValues) {
        Map<String, Object> values = new HashMap<>(Map.of("paper.order-types", ALL_TYPES,"paper.start-price", "100",
                "paper.initial-quote-balance", "1000", "paper.initial-base-balance", "1",
                "paper.tick-size", "0.01", "paper.step-size", "0.001", "paper.min-quantity", "0.001",
                "paper.min-notional", "5", "paper.fee-rate", "0.001"));
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        SettingsReader reader = new SettingsReader(
                ConfigFactory.parseMap(values).withFallback(ConfigLoader.reference()).resolve());
        PaperSettings settings = PaperSettings.read(reader, dir);
        reader.throwIfProblems();
        return settings;
    }

    public static OrderRequest market(Side side, String qty, String id) {
        return new OrderRequest("BTCUSDT", side, OrderType.MARKET, new BigDecimal(qty), Optional.empty(),
                Optional.empty(), new ClientOrderId(id));
    }

    public static OrderRequest limit(Side side, String qty, String price, String id) {
        return new OrderRequest("BTCUSDT", side, OrderType.LIMIT, new BigDecimal(qty),
                Optional.of(new BigDecimal(price)), Optional.empty(), new ClientOrderId(id));
    }

    public static OrderRequest stop(Side side, String qty, String stopPrice, String id) {
        return new OrderRequest("BTCUSDT", side, OrderType.STOP_LOSS, new BigDecimal(qty), Optional.empty(),
                Optional.of(new BigDecimal(stopPrice)), new ClientOrderId(id));
    }

    public static OrderRequest stopLimit(Side side, String qty, String stopPrice, String price, String id) {
        return new OrderRequest("BTCUSDT", side, OrderType.STOP_LOSS_LIMIT, new BigDecimal(qty),
                Optional.of(new BigDecimal(price)), Optional.of(new BigDecimal(stopPrice)), new ClientOrderId(id));
    }
}
