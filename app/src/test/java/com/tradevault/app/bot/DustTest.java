package com.tradevault.app.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.orders.ClientOrderIds;
import com.tradevault.app.orders.OrderDraft;
import com.tradevault.app.orders.PlacingOrders;
import com.tradevault.app.orders.ProtectionPolicy;
import com.tradevault.app.orders.RecordingFills;
import com.tradevault.app.reconciliation.ReconcileSettings;
import com.tradevault.app.reconciliation.Reconciliation;
import com.tradevault.app.trading.Dust;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.Position;
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
 * Every unit of the account accounted for, on the real in-process paper
 * exchange and a real encrypted ledger. Fee 0.1 % in BTC, lot step 0.00001:
 * a buy of 0.003 holds 0.002997, its stop sells 0.00299 and 0.000007 BTC is
 * left that no position owns (stop at 29850, its limit 29700.75: the exits are at 29800).
 * It becomes dust in the ledger; the next
 * position takes it over, and its stop sells it once it makes a lot step.
 */
class DustTest {

    private static final String SYMBOL = BotFixture.SYMBOL;

    @TempDir
    Path dir;
    private BotFixture f;
    private PlacingOrders placing;
    private RecordingFills fills;

    @BeforeEach
    void setUp() {
        f = new BotFixture(dir, "paper.feed.volatility", "0");
        placing = new PlacingOrders(f.ledger, f.exchange, f.clock, new ClientOrderIds(), Duration.ofSeconds(10));
        fills = new RecordingFills(f.ledger, f.exchange, placing, f.clock, f.settings.strategy().trail(),
                ProtectionPolicy.defaults().drafting());
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aClosedPositionLeavesWhatIsBelowTheLotStepAsDust() {
        tradeOnce("30000", "29800");

        assertEquals(Optional.of(Quantity.of("0.000007")), dust().map(Dust::quantity));
        assertEquals("BTC", dust().orElseThrow().asset());
        assertEquals(ledgerHeld(), accountBtc(), "the account holds exactly what the ledger accounts for");
    }

    @Test
    void theNextPositionTakesTheDustOverAndItsStopSellsItInWholeLotSteps() {
        tradeOnce("30000", "29800");
        Position second = open("30000");

        assertEquals(Quantity.of("0.003004"), second.quantity(), "0.002997 bought and 0.000007 of dust");
        assertEquals(Optional.of(Quantity.ZERO), dust().map(Dust::quantity));
        Order stop = f.ledger.read(s -> s.ordersOf(second.id())).stream()
                .filter(o -> o.purpose() == OrderPurpose.STOP).findFirst().orElseThrow();
        assertEquals(Quantity.of("0.003"), stop.quantity(), "the dust made the stop one lot step larger");

        fall("29800");
        assertEquals(Optional.of(Quantity.of("0.000004")), dust().map(Dust::quantity));
        assertEquals(ledgerHeld(), accountBtc());
    }

    @Test
    void reconciliationCountsDustInTheBalanceCheck() {
        tradeOnce("30000", "29800");
        f.ledger.transaction(s -> {
            s.putDust(new Dust(SYMBOL, "BTC", Quantity.of("0.5"), f.clock.instant()));
            return null;
        });

        Reconciliation.Report report = new Reconciliation(f.ledger, f.exchange, f.clock, placing, fills,
                ReconcileSettings.defaults(), Duration.ofSeconds(10)).run(List.of(SYMBOL));

        assertTrue(report.actions().stream().anyMatch(l -> l.contains("found: BALANCE_MISMATCH asset BTC: the"
                + " exchange holds " + accountBtc().toPlainString() + ", the open positions and dust 0.5 0.5")),
                String.join("\n", report.actions()));
    }

    private void tradeOnce(String entry, String exit) {
        open(entry);
        fall(exit);
    }

    private Position open(String price) {
        f.exchange.setPrice(SYMBOL, new BigDecimal(price));
        placing.place(OrderDraft.marketBuy(SYMBOL, Quantity.of("0.003")));
        fills.sync(SYMBOL).forEach(e -> e.stopIntent().ifPresent(placing::send));
        return f.ledger.read(s -> s.openPosition(SYMBOL)).orElseThrow();
    }

    private void fall(String price) {
        f.exchange.setPrice(SYMBOL, new BigDecimal(price));
        fills.sync(SYMBOL);
        assertEquals(Optional.empty(), f.ledger.read(s -> s.openPosition(SYMBOL)), "the stop filled");
    }

    private Optional<Dust> dust() {
        return f.ledger.read(s -> s.dust(SYMBOL));
    }

    /** BTC the ledger accounts for: open positions and dust. */
    private BigDecimal ledgerHeld() {
        BigDecimal open = f.ledger.read(s -> s.openPositions()).stream().map(p -> p.quantity().value())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return open.add(dust().map(d -> d.quantity().value()).orElse(BigDecimal.ZERO)).stripTrailingZeros();
    }

    private BigDecimal accountBtc() {
        return f.exchange.balances().get("BTC").total().stripTrailingZeros();
    }
}
