package com.tradevault.app.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.orders.ClientOrderIds;
import com.tradevault.app.orders.OrderDraft;
import com.tradevault.app.orders.PlacingOrders;
import com.tradevault.app.orders.RecordingFills;
import com.tradevault.app.reconciliation.ReconcileSettings;
import com.tradevault.app.reconciliation.Reconciliation;
import com.tradevault.app.trading.Quantity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciliation asks for open orders per symbol when that weighs less than
 * the all-symbols request (Binance: 6 per symbol against 80), and once for
 * all where the venue counts no weight.
 */
class OpenOrdersWeightTest {

    @TempDir
    Path dir;
    private BotFixture f;
    private final List<Optional<?>> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openAPosition() {
        f = new BotFixture(dir, "paper.feed.volatility", "0");
        PlacingOrders placing = placing(f.exchange);
        RecordingFills fills = new RecordingFills(f.ledger, f.exchange, placing, f.clock, f.settings.strategy().trail());
        placing.place(OrderDraft.marketBuy(BotFixture.SYMBOL, Quantity.of("0.003")));
        fills.sync(BotFixture.SYMBOL).forEach(e -> e.stopIntent().ifPresent(placing::send));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private PlacingOrders placing(Exchange exchange) {
        return new PlacingOrders(f.ledger, exchange, f.clock, new ClientOrderIds(), Duration.ofSeconds(10));
    }

    /** The paper exchange, counting openOrders requests and weighing them as given. */
    private Exchange weighing(int oneSymbol, int allSymbols) {
        return ExchangeAround.of(f.exchange, (method, args, call) -> {
            if (method.getName().equals("openOrdersWeight")) {
                return (Boolean) args[0] ? allSymbols : oneSymbol;
            }
            if (method.getName().equals("openOrders")) {
                asked.add((Optional<?>) args[0]);
            }
            return call.proceed();
        });
    }

    private Reconciliation.Report reconcileOn(Exchange exchange) {
        PlacingOrders placing = placing(exchange);
        RecordingFills fills = new RecordingFills(f.ledger, exchange, placing, f.clock, f.settings.strategy().trail());
        return new Reconciliation(f.ledger, exchange, f.clock, placing, fills, ReconcileSettings.defaults(),
                Duration.ofSeconds(10)).run(List.of(BotFixture.SYMBOL));
    }

    @Test
    void oneTradedSymbolIsAskedForOnItsOwnWhereThatWeighsLess() {
        Reconciliation.Report report = reconcileOn(weighing(6, 80));
        assertTrue(report.settled(), String.join("\n", report.actions()));
        assertEquals(List.of(Optional.of(BotFixture.SYMBOL)), asked);
    }

    @Test
    void allSymbolsAreAskedForAtOnceWhereOnePerSymbolWouldWeighAsMuch() {
        Reconciliation.Report report = reconcileOn(weighing(80, 80));
        assertTrue(report.settled(), String.join("\n", report.actions()));
        assertEquals(List.of(Optional.empty()), asked);
    }
}
