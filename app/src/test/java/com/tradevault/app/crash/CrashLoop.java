package com.tradevault.app.crash;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kill/restart iterations the crash tests and the soak share: run the
 * bot while the price moves, kill it (at a random moment, or at a named crash
 * point), perturb the exchange while it is down, start it again, wait for its
 * startup reconciliation, and check the invariant while the price stands
 * still. Counts what happened for the summary.
 */
final class CrashLoop {

    /** The log line the bot writes once its startup reconciliation is done and trading begins. */
    static final String TRADING = "trading " + Rig.SYMBOL + " every";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final int QUIET_CHECKS = 10;
    private static final Pattern FOUND = Pattern.compile("found: ([A-Z_]+) ");

    private final Rig rig;
    private final Random random;
    private final Map<String, Integer> findings = new TreeMap<>();
    private int iterations;
    private int halts;
    private final long started = System.nanoTime();
    private long startMillis;
    private int starts;

    CrashLoop(Rig rig, long seed) {
        this.rig = rig;
        this.random = new Random(seed);
    }

    /** {@code count} random kill -9s, each followed by a perturbation, a restart and a check. */
    void randomKills(int count) throws Exception {
        randomKills(count, Integer.MAX_VALUE);
    }

    /** As {@link #randomKills(int)}, printing the summary so far every {@code every} iterations. */
    void randomKills(int count, int every) throws Exception {
        Rig.Bot bot = startReconciled();
        for (int i = 0; i < count; i++) {
            try (PriceDriver driver = new PriceDriver(rig.control, random.nextLong())) {
                Thread.sleep(300 + random.nextInt(1700));
                bot.kill9();
            }
            Perturbation.values()[random.nextInt(Perturbation.values().length)].apply(rig);
            bot = startReconciled();
            checkWhileIdle(bot);
            iterations++;
            if (iterations % every == 0) {
                System.out.println("after " + iterations + ": " + summary());
            }
        }
        bot.terminate();
    }

    /** Runs a bot armed with {@code point} until it halts there, perturbs, restarts and checks. */
    void crashAt(String point, Perturbation perturbation) throws Exception {
        Rig.Bot bot = rig.startBot(Optional.of(point));
        try (PriceDriver driver = new PriceDriver(rig.control, random.nextLong())) {
            if (!bot.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                bot.kill9();
                throw new AssertionError("crash point " + point + " not reached in 60s:\n" + bot.logText());
            }
        }
        if (bot.process().exitValue() != 137 || !bot.logText().contains("crash point reached: " + point.split(":")[0])) {
            throw new AssertionError("expected a halt at " + point + ", exit " + bot.process().exitValue() + ":\n"
                    + bot.logText());
        }
        halts++;
        perturbation.apply(rig);
        Rig.Bot again = startReconciled();
        checkWhileIdle(again);
        iterations++;
        again.terminate();
    }

    Rig.Bot startReconciled() throws Exception {
        long t0 = System.nanoTime();
        Rig.Bot bot = rig.startBot(Optional.empty());
        if (!bot.awaitLog(TRADING, START_TIMEOUT)) {
            bot.kill9();
            throw new AssertionError("the bot did not finish its startup reconciliation:\n" + bot.logText());
        }
        count(bot.logText());
        startMillis += (System.nanoTime() - t0) / 1_000_000;
        starts++;
        return bot;
    }

    /**
     * Checks the invariant while the price stands still. The restarted bot may
     * still finish a trailing-stop move its first scan starts (the price it
     * sees is above the position's recorded high), a cancel + place during
     * which the position briefly has no stop; so the check is repeated for a
     * few seconds until the bot is quiet, and only a violation that persists
     * fails.
     */
    void checkWhileIdle(Rig.Bot bot) throws Exception {
        List<String> problems = List.of();
        for (int attempt = 0; attempt < QUIET_CHECKS; attempt++) {
            Thread.sleep(300);
            problems = rig.check();
            if (problems.isEmpty()) {
                return;
            }
        }
        throw new AssertionError("after restart " + rig.dir + ": " + problems + "\n" + bot.logText());
    }

    private void count(String log) {
        Matcher m = FOUND.matcher(log);
        while (m.find()) {
            findings.merge(m.group(1), 1, Integer::sum);
        }
    }

    int iterations() {
        return iterations;
    }

    /** One line for the test output and the soak: iterations, halts, trades, findings, time. */
    String summary() {
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        return "crash loop: " + iterations + " kill/restart iterations (" + halts + " at named crash points), "
                + "invariant and integrity_check ok after each; " + rig.venueTrades() + " fills on the exchange, all"
                + " in the ledger once; reconciliation findings " + findings + "; start to trading "
                + (starts == 0 ? 0 : startMillis / starts) + " ms on average; " + seconds + "s";
    }
}
