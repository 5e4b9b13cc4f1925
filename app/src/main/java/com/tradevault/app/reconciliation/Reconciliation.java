package com.tradevault.app.reconciliation;

import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.orders.FillEvent;
import com.tradevault.app.orders.PlacingOrders;
import com.tradevault.app.orders.ProtectingPositions;
import com.tradevault.app.orders.RecordingFills;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the ledger and the venue into agreement before trading (re)starts:
 * settles intents by asking the venue by client id, refreshes orders the
 * ledger thinks are live, records fills that happened while the bot was down
 * (closing positions whose stop filled), and gives every open position
 * exactly one live stop. The minimal startup pass; periodic runs, candle-based
 * re-levelling and the unknown-order report belong to the full reconciliation.
 */
public final class Reconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    private final Ledger ledger;
    private final Exchange exchange;
    private final Clock clock;
    private final PlacingOrders placing;
    private final RecordingFills fills;
    private final ProtectingPositions protecting;

    public Reconciliation(Ledger ledger, Exchange exchange, Clock clock, PlacingOrders placing, RecordingFills fills,
                          ProtectingPositions protecting) {
        this.ledger = ledger;
        this.exchange = exchange;
        this.clock = clock;
        this.placing = placing;
        this.fills = fills;
        this.protecting = protecting;
    }

    /** What one reconciliation found and did, one readable line each. */
    public record Report(List<String> actions, int openPositions) {
        public boolean changedNothing() {
            return actions.isEmpty();
        }
    }

    /** Reconciles the ledger with the venue for {@code symbols} and every symbol the ledger has open business in. */
    public Report run(Collection<String> symbols) {
        List<String> actions = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(symbols);
        for (Order o : ledger.transaction(LedgerSession::unfinishedOrders)) {
            all.add(o.symbol());
            settle(o, actions);
        }
        ledger.transaction(LedgerSession::openPositions).forEach(p -> all.add(p.symbol()));
        for (String symbol : all) {
            for (FillEvent e : fills.sync(symbol)) {
                actions.add("recorded fill " + e.fill().exchangeFillId() + " of " + e.order().clientOrderId()
                        + (e.closed() ? ", closing position #" + e.position().id() : ""));
                e.stopIntent().ifPresent(placing::send);
            }
        }
        for (Position p : ledger.transaction(LedgerSession::openPositions)) {
            Price price = new Price(exchange.lastPrice(p.symbol()));
            protecting.protect(p, price).forEach(a -> actions.add("position #" + p.id() + " " + p.symbol() + ": " + a));
        }
        Report report = new Report(List.copyOf(actions), ledger.transaction(s -> s.openPositions().size()));
        record(report);
        return report;
    }

    private void settle(Order o, List<String> actions) {
        Order now = o.state() == OrderState.INTENT ? placing.resolve(o) : placing.refresh(o);
        if (now.state() != o.state()) {
            actions.add("order " + o.clientOrderId() + " (" + o.purpose() + ") " + o.state() + " -> " + now.state());
        }
    }

    private void record(Report report) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "startup");
        data.put("actions", report.actions());
        data.put("openPositions", report.openPositions());
        ledger.transaction(s -> {
            s.audit("reconciliation", data, clock.instant());
            return null;
        });
        if (report.changedNothing()) {
            LOG.info("reconciliation: ledger and venue agree; {} open position(s) protected", report.openPositions());
        } else {
            report.actions().forEach(a -> LOG.info("reconciliation: {}", a));
        }
    }
}
