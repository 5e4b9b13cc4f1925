package com.tradevault.app.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.orders.ClientOrderIds;
import com.tradevault.app.orders.DraftingStops;
import com.tradevault.app.orders.OrderDraft;
import com.tradevault.app.orders.PlacingOrders;
import com.tradevault.app.orders.ProtectingPositions;
import com.tradevault.app.orders.ProtectionPolicy;
import com.tradevault.app.orders.RecordingFills;
import com.tradevault.app.orders.UnprotectedSymbols;
import com.tradevault.app.orders.VenueTrailing;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running bot with {@code strategy.trail-mode = venue}, on the real
 * in-process paper exchange (STOP_LOSS_LIMIT only, trailing stops allowed)
 * and a real encrypted ledger: the stop carries {@code trailingDelta} 50
 * (the 0.5 % trail) and no stop price, the bot never moves it while the
 * exchange does, and a stop placed before the switch to venue mode is
 * replaced once by a venue stop.
 */
class VenueTrailingScenariosTest {

    private static final String SYMBOL = BotFixture.SYMBOL;

    @TempDir
    Path dir;
    private BotFixture f;
    private PlacingOrders placing;

    @BeforeEach
    void setUp() {
        f = new BotFixture(dir, "paper.feed.volatility", "0");
        placing = new PlacingOrders(f.ledger, f.exchange, f.clock, new ClientOrderIds(), Duration.ofSeconds(10));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void theBotNeverMovesAVenueStopAndTheExchangeTrailsItUp() {
        ProtectingPositions protecting = protecting(venue());
        Position p = open(venue());

        for (String price : List.of("30300", "30600", "31000")) {
            p = protecting.trail(p, tick(price));
        }

        ExchangeOrder stop = f.exchange.openOrders(Optional.of(SYMBOL)).get(0);
        assertEquals(Optional.of(50), stop.trailingDelta());
        assertEquals(Optional.empty(), stop.stopPrice());
        assertEquals(1, stops(p).size(), "one stop, never replaced");
        assertEquals(Price.of("31000"), p.stop().highest(), "the ledger follows the high for status");
        f.exchange.setPrice(SYMBOL, new BigDecimal("30850"));
        assertEquals(1, f.exchange.openOrders(Optional.of(SYMBOL)).size(), "30850 is less than 0.5 % below 31000");
        f.exchange.setPrice(SYMBOL, new BigDecimal("30845"));
        assertEquals(List.of(), f.exchange.openOrders(Optional.of(SYMBOL)), "30845 = 31000 x 0.995: triggered");
    }

    @Test
    void aStopPlacedBeforeTheSwitchToVenueModeIsReplacedOnceByAVenueStop() {
        Position p = open(ProtectionPolicy.defaults().drafting());
        assertEquals(Optional.empty(), f.exchange.openOrders(Optional.of(SYMBOL)).get(0).trailingDelta());
        ProtectingPositions protecting = protecting(venue());

        p = protecting.trail(p, tick("30300"));
        p = protecting.trail(p, tick("30600"));

        ExchangeOrder stop = f.exchange.openOrders(Optional.of(SYMBOL)).get(0);
        assertEquals(Optional.of(50), stop.trailingDelta());
        assertEquals(2, stops(p).size(), "the bot's stop, then the venue stop that replaced it");
    }

    private static DraftingStops venue() {
        return new DraftingStops(new BigDecimal("0.5"), new VenueTrailing(Optional.of(50)));
    }

    private ProtectingPositions protecting(DraftingStops drafting) {
        return new ProtectingPositions(f.ledger, f.exchange, placing, f.clock, new BigDecimal("0.1"),
                new ProtectionPolicy(drafting, true, new UnprotectedSymbols()));
    }

    private Position open(DraftingStops drafting) {
        RecordingFills fills = new RecordingFills(f.ledger, f.exchange, placing, f.clock,
                f.settings.strategy().trail(), drafting);
        placing.place(OrderDraft.marketBuy(SYMBOL, Quantity.of("0.003")));
        fills.sync(SYMBOL).forEach(e -> e.stopIntent().ifPresent(placing::send));
        return f.ledger.read(s -> s.openPosition(SYMBOL)).orElseThrow();
    }

    private Price tick(String price) {
        f.exchange.setPrice(SYMBOL, new BigDecimal(price));
        return Price.of(price);
    }

    private List<Order> stops(Position p) {
        return f.ledger.read(s -> s.ordersOf(p.id())).stream().filter(o -> o.purpose() == OrderPurpose.STOP).toList();
    }
}
