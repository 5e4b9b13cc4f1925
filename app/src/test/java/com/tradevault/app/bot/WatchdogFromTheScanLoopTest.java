package com.tradevault.app.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.supervision.Supervisor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog is fed by the scan loop itself: while the loop goes round the
 * supervisor hears from it at least as often as it asks, however long the scan
 * interval; when the loop hangs (here: the exchange never answers) it goes silent,
 * so that systemd kills and restarts the bot.
 */
class WatchdogFromTheScanLoopTest {

    @TempDir
    Path dir;

    @Test
    void aHungScanLoopStopsFeedingTheWatchdog() throws Exception {
        try (BotFixture f = new BotFixture(dir, "bot.scan-interval", "100ms")) {
            Hanging hanging = new Hanging(f.exchange);
            Recording supervisor = new Recording(Duration.ofMillis(20));
            StopSignal stop = new StopSignal();
            Thread bot = runInBackground(f, hanging.exchange(), supervisor, stop);

            assertTrue(supervisor.ready.await(30, TimeUnit.SECONDS), "the bot said it was ready");
            awaitAlive(supervisor, 5);
            hanging.hang.set(true);
            assertTrue(hanging.stuck.await(30, TimeUnit.SECONDS), "the scan loop is stuck in the exchange");
            int whenStuck = supervisor.alive.get();
            Thread.sleep(500);

            assertEquals(whenStuck, supervisor.alive.get(), "nothing feeds the watchdog while the loop hangs");
            stop.request();
            hanging.release.countDown();
            bot.join(30_000);
        }
    }

    @Test
    void aLongScanIntervalStillFeedsTheWatchdogOftenEnough() throws Exception {
        try (BotFixture f = new BotFixture(dir, "bot.scan-interval", "2s")) {
            Recording supervisor = new Recording(Duration.ofMillis(100));
            StopSignal stop = new StopSignal();
            Thread bot = runInBackground(f, f.exchange, supervisor, stop);

            assertTrue(supervisor.ready.await(30, TimeUnit.SECONDS), "the bot said it was ready");
            awaitAlive(supervisor, 10);
            stop.request();
            bot.join(30_000);
            assertTrue(supervisor.stopping.get(), "the bot said it was stopping");
        }
    }

    private static Thread runInBackground(BotFixture f, Exchange exchange, Supervisor supervisor, StopSignal stop) {
        Bot bot = new Bot(f.settings, f.ledger, exchange, java.time.Clock.systemUTC());
        Thread t = new Thread(() -> {
            try {
                bot.run(Optional.of(Duration.ofMinutes(2)), stop, supervisor);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bot-under-test");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void awaitAlive(Recording supervisor, int times) throws InterruptedException {
        for (int i = 0; i < 600 && supervisor.alive.get() < times; i++) {
            Thread.sleep(50);
        }
        assertTrue(supervisor.alive.get() >= times, "alive() came " + supervisor.alive.get() + " times");
    }

    /** An exchange that blocks every call once told to hang, as a stuck socket would. */
    private static final class Hanging {
        final AtomicBoolean hang = new AtomicBoolean();
        final CountDownLatch stuck = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final Exchange target;

        Hanging(Exchange target) {
            this.target = target;
        }

        Exchange exchange() {
            return ExchangeAround.of(target, (method, args, call) -> {
                if (hang.get()) {
                    stuck.countDown();
                    release.await();
                }
                return call.proceed();
            });
        }
    }

    /** Counts what the bot tells its supervisor. */
    private static final class Recording implements Supervisor {
        final CountDownLatch ready = new CountDownLatch(1);
        final AtomicInteger alive = new AtomicInteger();
        final AtomicBoolean stopping = new AtomicBoolean();
        private final Duration every;

        Recording(Duration every) {
            this.every = every;
        }

        @Override
        public void ready(String status) {
            ready.countDown();
        }

        @Override
        public void alive() {
            alive.incrementAndGet();
        }

        @Override
        public void status(String status) {
        }

        @Override
        public void startingFor(Duration more) {
        }

        @Override
        public void stopping() {
            stopping.set(true);
        }

        @Override
        public Optional<Duration> aliveEvery() {
            return Optional.of(every);
        }
    }
}
