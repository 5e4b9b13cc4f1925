package com.tradevault.app.crash;

import com.tradevault.app.exchange.paper.server.PaperControl;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

/**
 * Moves the paper exchange's price through its control endpoint while a bot
 * runs: mostly up in small steps (breakouts, entries, trailing-stop moves),
 * sometimes down hard (stops fill). Stopped, the price stays where it is, so
 * that the bot idles and checks see a quiet system.
 */
final class PriceDriver implements AutoCloseable {

    private final PaperControl control;
    private final Random random;
    private volatile boolean running = true;
    private final Thread thread;
    private BigDecimal price;

    PriceDriver(PaperControl control, long seed) {
        this.control = control;
        this.random = new Random(seed);
        this.price = new BigDecimal(control.dump().get("prices").get(Rig.SYMBOL).asText());
        this.thread = new Thread(this::drive, "price-driver");
        thread.setDaemon(true);
        thread.start();
    }

    private void drive() {
        while (running) {
            double r = random.nextDouble() < 0.75 ? 0.0005 + random.nextDouble() * 0.002
                    : -(0.002 + random.nextDouble() * 0.008);
            price = price.multiply(BigDecimal.valueOf(1 + r)).setScale(2, RoundingMode.HALF_EVEN);
            try {
                control.setPrice(Rig.SYMBOL, price.toPlainString());
                Thread.sleep(60);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                sleepQuietly();
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
