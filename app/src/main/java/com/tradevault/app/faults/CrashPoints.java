package com.tradevault.app.faults;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only fault-injection switch for the crash tests: when armed with a
 * point (optionally with the how-many-th time it is reached,
 * {@code after-intent-commit:3}), the process halts there at once, as a
 * {@code kill -9} would: no shutdown hooks, no finally blocks, no commit;
 * {@code hang-in-scan-loop} instead stops the scan loop for ever, for the
 * watchdog tests. {@link #NONE}, what every production start gets, does nothing.
 *
 * <p>Only the hidden command-line option {@value #OPTION} of {@code tradevault run}
 * arms it, and nothing else: no environment variable, no configuration key, no
 * system property. An exported shell variable, a line in the configuration
 * file or a systemd drop-in's {@code Environment=} (which can also set JVM
 * options, and so system properties, through {@code TRADEVAULT_JAVA_OPTS} or
 * {@code JDK_JAVA_OPTIONS}) cannot reach the bot's arguments; arming a point
 * under systemd takes rewriting {@code ExecStart=}, which is deliberate and
 * shows in {@code systemctl cat} and {@code ps}. The value is checked once, when
 * {@code run} starts and before anything is opened; instances are handed to the
 * services that reach the points, never looked up from a static.
 */
public final class CrashPoints {

    /** The hidden {@code tradevault run} option that arms a crash point. */
    public static final String OPTION = "--test-crash-at";

    /** The exit status of a halt at a crash point, like a process killed by SIGKILL. */
    public static final int HALT_STATUS = 137;

    /** How to write a crash point, for the next step of a refusal. */
    public static final String USAGE = "write " + OPTION + "=<point>[:<n>] (halt the n-th time it is reached), the"
            + " point one of " + String.join(", ", Arrays.stream(Point.values()).map(Point::spelling).toList());

    /** Armed at no point: reaching any point does nothing. */
    public static final CrashPoints NONE = new CrashPoints(Optional.empty(), 1);

    /** The named points, each reached at a moment that matters for restart safety. */
    public enum Point {
        /** An order intent is committed, nothing sent yet. */
        AFTER_INTENT_COMMIT,
        /** The exchange accepted the order; its answer is not recorded yet. */
        AFTER_SEND_BEFORE_ACK,
        /** A trailing-stop move cancelled the old stop; the new one is not placed yet. */
        BETWEEN_CANCEL_AND_PLACE,
        /** Inside the transaction that records a fill, before it commits. */
        MID_FILL_RECORD,
        /** An alert is in the outbox, committed; no channel has it yet. */
        BEFORE_ALERT_DELIVERY,
        /** At the top of the scan loop: the loop hangs there for ever, as on a stuck socket or a deadlock. */
        HANG_IN_SCAN_LOOP;

        /** The spelling in {@value CrashPoints#OPTION}: {@code after-intent-commit}. */
        public String spelling() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Optional<Point> armed;
    private final int nth;
    private final AtomicInteger reached = new AtomicInteger();

    private CrashPoints(Optional<Point> armed, int nth) {
        this.armed = armed;
        this.nth = nth;
    }

    /**
     * Crash points armed by {@code spec}, {@code <point>[:<n>]}.
     *
     * @throws IllegalArgumentException naming what is wrong with {@code spec}; {@link #USAGE} says what is right
     */
    public static CrashPoints armedAt(String spec) {
        String[] parts = spec.trim().split(":", 2);
        Point point = Arrays.stream(Point.values()).filter(p -> p.spelling().equals(parts[0].trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(OPTION + " " + spec + " names no crash point"));
        return new CrashPoints(Optional.of(point), parts.length == 2 ? count(spec, parts[1].trim()) : 1);
    }

    private static int count(String spec, String n) {
        if (!n.matches("[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException(OPTION + " " + spec + ": the count after ':' must be a whole number"
                    + " from 1");
        }
        return Integer.parseInt(n);
    }

    /** Halts the process when {@code point} is the armed one and this is the armed occurrence. */
    public void reach(Point point) {
        if (!shouldHalt(point)) {
            return;
        }
        if (point == Point.HANG_IN_SCAN_LOOP) {
            System.err.println("crash point reached: " + point.spelling() + " (hanging for ever)");
            System.err.flush();
            hangForever();
        }
        System.err.println("crash point reached: " + point.spelling() + " (halting as if killed)");
        System.err.flush();
        Runtime.getRuntime().halt(HALT_STATUS);
    }

    /** Whether reaching {@code point} now halts: the armed point, reached for the n-th time. */
    boolean shouldHalt(Point point) {
        return armed.filter(point::equals).isPresent() && reached.incrementAndGet() == nth;
    }

    private static void hangForever() {
        Object never = new Object();
        synchronized (never) {
            while (true) {
                try {
                    never.wait();
                } catch (InterruptedException e) {
                    // a hung loop ignores interrupts too: only the watchdog or a signal ends it
                }
            }
        }
    }
}
