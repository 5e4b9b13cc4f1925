package com.tradevault.app.reconciliation;

import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.ExchangeException;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeUnavailable;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.faults.CrashPoints;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.orders.DraftingStops;
import com.tradevault.app.orders.PlacingOrders;
import com.tradevault.app.orders.ProtectionPolicy;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Position;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stop placements of a reconciliation: every intent committed first (of
 * the type each symbol allows), then sent side by side, then every answer
 * recorded in one transaction. A refusal is kept with its reason; one that
 * will not go away marks the symbol unprotectable, loudly.
 */
final class PlacingStops {

    private static final Logger LOG = LoggerFactory.getLogger(PlacingStops.class);
    /** How a placement whose answer was lost is reported: it is looked up, not refused. */
    static final String NO_ANSWER = "no answer yet";

    private final Ledger ledger;
    private final Exchange exchange;
    private final Clock clock;
    private final PlacingOrders placing;
    private final SideBySide sideBySide;
    private final ProtectionPolicy policy;

    PlacingStops(Ledger ledger, Exchange exchange, Clock clock, PlacingOrders placing, SideBySide sideBySide,
                 ProtectionPolicy policy) {
        this.ledger = ledger;
        this.exchange = exchange;
        this.clock = clock;
        this.placing = placing;
        this.sideBySide = sideBySide;
        this.policy = policy;
    }

    private record Market(SymbolRules rules, Supplier<BigDecimal> averagePrice) {
    }

    /** Places every stop; a step that was not done goes into {@code failures} with why. */
    void place(List<Step.PlaceStop> places, Map<Step, String> failures) {
        if (places.isEmpty()) {
            return;
        }
        Map<String, Market> markets = new HashMap<>();
        places.forEach(p -> markets.computeIfAbsent(p.position().symbol(), this::market));
        List<Order> intents = ledger.transaction(s -> places.stream().map(p -> {
            Position now = s.position(p.position().id()).orElseThrow();
            s.updatePosition(now.withStop(p.stop(), clock.instant()));
            Market m = markets.get(now.symbol());
            return placing.recordIntent(s, policy.drafting().draft(now.id(), m.rules(), p.quantity(),
                    p.stop().level(), m.averagePrice()));
        }).toList());
        Map<Order, Object> answers = new ConcurrentHashMap<>();
        sideBySide.each(intents, intent -> answers.put(intent, send(intent)));
        ledger.transaction(s -> {
            for (int i = 0; i < intents.size(); i++) {
                settle(s, intents.get(i), answers.get(intents.get(i))).ifPresent(failure(places, failures, i));
            }
            return null;
        });
    }

    private static Consumer<String> failure(List<Step.PlaceStop> places,
                                                               Map<Step, String> failures, int i) {
        return why -> failures.put(places.get(i), why);
    }

    private Market market(String symbol) {
        SymbolRules rules = exchange.rules(symbol);
        return new Market(rules, DraftingStops.averagePriceOf(rules, () -> exchange.averagePrice(symbol)));
    }

    /** The exchange's answer to a stop intent, or the failure (a value, so one failure does not stop the rest). */
    private Object send(Order intent) {
        placing.crashPoints().reach(CrashPoints.Point.AFTER_INTENT_COMMIT);
        try {
            ExchangeOrder answer = exchange.place(intent.request());
            placing.crashPoints().reach(CrashPoints.Point.AFTER_SEND_BEFORE_ACK);
            return answer;
        } catch (ExchangeException e) {
            return e;
        }
    }

    /** Records the answer; returns why the stop is not placed, if it is not. */
    private Optional<String> settle(LedgerSession s, Order intent, Object answer) {
        if (answer instanceof ExchangeOrder placed) {
            s.updateOrder(intent.acknowledged(placed, clock.instant()));
            LOG.info("placed {} -> {} (venue id {})", intent.describe(), placed.status(), placed.exchangeOrderId());
            return Optional.empty();
        }
        if (answer instanceof OrderRejected r) {
            s.updateOrder(intent.withState(OrderState.REJECTED, clock.instant()));
            String why = "refused by the exchange: " + r.getMessage() + " (" + r.reason() + ")";
            LOG.error("stop {} not placed: {}", intent.describe(), why);
            if (r.reason().permanent()) {
                refusedForGood(s, intent, why);
            }
            return Optional.of(why);
        }
        if (answer instanceof ExchangeUnavailable u) {
            s.updateOrder(intent.withState(OrderState.NEVER_SENT, clock.instant()));
            LOG.warn("stop {} not placed: the exchange is unreachable: {}", intent.describe(), u.getMessage());
            return Optional.of("not sent: the exchange is unreachable (" + u.getMessage() + ")");
        }
        LOG.warn("no answer placing {}; the next round asks the exchange by client id", intent.describe());
        return Optional.of(NO_ANSWER + ": the exchange is asked by client id in the next round");
    }

    private void refusedForGood(LedgerSession s, Order intent, String why) {
        policy.unprotected().mark(intent.symbol(), why);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", Finding.Kind.STOP_REFUSED.name());
        data.put("subject", "position #" + intent.positionId().orElse(0L) + " " + intent.symbol());
        data.put("message", "the exchange refused the stop for good (" + why + "): new entries on "
                + intent.symbol() + " blocked; the position is handled per reconcile.market-through-stop");
        data.put("clientOrderId", intent.clientOrderId().value());
        s.audit("reconciliation-finding", data, clock.instant());
        LOG.error("{} cannot be protected: {}; new entries on it are blocked", intent.symbol(), why);
    }
}
