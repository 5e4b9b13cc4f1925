package com.tradevault.app.exchange.paper;

import static com.tradevault.app.exchange.paper.PaperFixture.limit;
import static com.tradevault.app.exchange.paper.PaperFixture.market;
import static com.tradevault.app.exchange.paper.PaperFixture.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradevault.app.exchange.Balance;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.OrderRejected.Reason;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.Side;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads place, cancel, re-send and move the price at once, as the
 * server's request threads do: every accepted order exists exactly once,
 * every rejected one not at all, each fill is reported once, the balances add
 * up, and all of it is still there after the engine is reopened.
 */
class PaperConcurrentWritesTest {

    private static final int THREADS = 8;
    private static final int ORDERS_PER_THREAD = 40;

    @TempDir
    Path dir;

    @Test
    void concurrentWritersLoseAndDuplicateNothing() throws Exception {
        PaperSettings settings = PaperFixture.settings(dir, "paper.initial-quote-balance", "100000",
                "paper.initial-base-balance", "100");
        Map<String, ExchangeOrder> accepted = new ConcurrentHashMap<>();
        Map<String, Reason> rejected = new ConcurrentHashMap<>();
        List<ExchangeTrade> reported = new CopyOnWriteArrayList<>();
        PaperExchange.Contents before;
        try (PaperExchange exchange = PaperExchange.open(settings, Clock.systemUTC())) {
            exchange.onFill((order, trade) -> reported.add(trade));
            runAtOnce(exchange, accepted, rejected);
            before = exchange.snapshot();
        }
        assertEquals(THREADS * ORDERS_PER_THREAD, accepted.size() + rejected.size());
        assertEquals(THREADS * 4, count(rejected, Reason.DUPLICATE_CLIENT_ORDER_ID), "one of each pair " + rejected);
        assertEquals(THREADS * 3, count(rejected, Reason.INSUFFICIENT_BALANCE), rejected.toString());
        assertEquals(count(rejected, Reason.WOULD_TRIGGER_IMMEDIATELY), rejected.entrySet().stream().filter(e ->
                e.getValue() == Reason.WOULD_TRIGGER_IMMEDIATELY && e.getKey().contains("-stop#")).count());
        assertEquals(rejected.size(), count(rejected, Reason.DUPLICATE_CLIENT_ORDER_ID)
                + count(rejected, Reason.INSUFFICIENT_BALANCE) + count(rejected, Reason.WOULD_TRIGGER_IMMEDIATELY));
        assertEquals(new TreeMap<>(accepted.keySet().stream().collect(Collectors.toMap(id -> id, id -> 1))),
                new TreeMap<>(before.orders().stream().collect(Collectors.toMap(o -> o.clientOrderId().value(),
                        o -> 1, Integer::sum))));
        assertEquals(before.trades().stream().map(PaperConcurrentWritesTest::fill).toList(), reported.stream()
                .sorted((a, b) -> Long.compare(a.tradeId(), b.tradeId())).map(PaperConcurrentWritesTest::fill).toList());
        assertEquals(before.trades().size(), before.trades().stream().map(ExchangeTrade::exchangeOrderId).distinct()
                .count(), "orders fill whole, once");
        assertBalancesAddUp(before);
        try (PaperExchange again = PaperExchange.open(settings, Clock.systemUTC())) {
            assertEquals(before, again.snapshot());
        }
    }

    private static long count(Map<String, Reason> rejected, Reason reason) {
        return rejected.values().stream().filter(r -> r == reason).count();
    }

    private static String fill(ExchangeTrade t) {
        return t.fillId() + " " + t.exchangeOrderId() + " " + t.quantity() + " @ " + t.price();
    }

    /** Each thread: limits, stops and market orders, a pair of duplicates with its neighbour (open at once, so one is refused), some refused. */
    private static void runAtOnce(PaperExchange exchange, Map<String, ExchangeOrder> accepted,
                                  Map<String, Reason> rejected) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            running.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < ORDERS_PER_THREAD; i++) {
                    OrderRequest r = request(thread, i);
                    try {
                        ExchangeOrder o = exchange.place(r);
                        accepted.put(r.clientOrderId().value(), o);
                        if (i % 5 == 1) {
                            exchange.cancel("BTCUSDT", r.clientOrderId());
                        }
                    } catch (OrderRejected e) {
                        rejected.put(r.clientOrderId().value() + "#" + thread, e.reason());
                    }
                }
                return null;
            }));
        }
        running.add(threads.submit(() -> {
            start.await();
            for (int i = 0; i < 30; i++) {
                exchange.setPrice("BTCUSDT", new BigDecimal(i % 2 == 0 ? "93" : "100"));
            }
            return null;
        }));
        start.countDown();
        for (Future<?> f : running) {
            f.get(2, TimeUnit.MINUTES);
        }
        threads.shutdown();
    }

    private static OrderRequest request(int thread, int i) {
        String id = "tv-" + thread + "-" + i;
        return switch (i % 10) {
            case 0 -> market(Side.BUY, "0.1", id);
            case 1, 6 -> limit(Side.BUY, "0.1", "80", id);
            case 2 -> stop(Side.SELL, "0.1", "95", id + "-stop");
            case 3 -> market(Side.SELL, "0.1", id);
            case 4 -> i < 20 ? market(Side.BUY, "100000", id) : stop(Side.SELL, "0.1", "94", id + "-stop");
            case 5, 9 -> limit(Side.BUY, "0.1", "80", "tv-dup-" + Math.min(thread, thread ^ 1) + "-" + i);
            case 7 -> i < 10 ? market(Side.BUY, "100000", id) : limit(Side.SELL, "0.1", "99", id);
            default -> limit(Side.SELL, "0.1", "120", id);
        };
    }

    /**
     * What every asset holds now equals the start plus what the fills moved,
     * less their fees; what is locked equals what the open orders reserve.
     */
    private static void assertBalancesAddUp(PaperExchange.Contents s) {
        Map<String, ExchangeOrder> byId = s.orders().stream().collect(Collectors.toMap(ExchangeOrder::exchangeOrderId,
                Function.identity()));
        BigDecimal usdt = new BigDecimal("100000");
        BigDecimal btc = new BigDecimal("100");
        for (ExchangeTrade t : s.trades()) {
            BigDecimal quote = t.price().multiply(t.quantity());
            boolean buy = byId.get(t.exchangeOrderId()).side() == Side.BUY;
            usdt = buy ? usdt.subtract(quote) : usdt.add(quote);
            btc = buy ? btc.add(t.quantity()) : btc.subtract(t.quantity());
            usdt = t.commissionAsset().equals("USDT") ? usdt.subtract(t.commission()) : usdt;
            btc = t.commissionAsset().equals("BTC") ? btc.subtract(t.commission()) : btc;
        }
        assertTotal(usdt, s.balances().get("USDT"));
        assertTotal(btc, s.balances().get("BTC"));
        BigDecimal lockedQuote = BigDecimal.ZERO;
        BigDecimal lockedBase = BigDecimal.ZERO;
        for (ExchangeOrder o : s.orders()) {
            if (o.status().isOpen()) {
                BigDecimal reserved = o.side() == Side.BUY ? o.quantity().multiply(o.price().or(o::stopPrice)
                        .orElseThrow()) : o.quantity();
                lockedQuote = o.side() == Side.BUY ? lockedQuote.add(reserved) : lockedQuote;
                lockedBase = o.side() == Side.SELL ? lockedBase.add(reserved) : lockedBase;
            }
        }
        assertEquals(0, lockedQuote.compareTo(s.balances().get("USDT").locked()), "USDT locked");
        assertEquals(0, lockedBase.compareTo(s.balances().get("BTC").locked()), "BTC locked");
    }

    private static void assertTotal(BigDecimal expected, Balance b) {
        assertEquals(0, expected.compareTo(b.free().add(b.locked())), b.asset() + ": expected " + expected
                + ", has " + b);
    }
}
