package com.tradevault.app.faults;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only fault-injection switch for the crash tests: when the
 * environment variable {@value #VARIABLE} names a point (optionally with the
 * how-many-th time it is reached, {@code after-intent-commit:3}), the process
 * halts there at once, as a {@code kill -9} would: no shutdown hooks, no
 * finally blocks, no commit; {@code hang-in-scan-loop} instead stops the scan
 * loop for ever, for the watchdog tests. Unset (always, in production) it does nothing.
 */
public final class CrashPoints {

    /** The environment variable that arms a crash point. */
    public static final String VARIABLE = "TRADEVAULT_TEST_CRASH_AT";

    /** The exit status of a halt at a crash point, like a process killed by SIGKILL. */
    public static final int HALT_STATUS = 137;

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

        /** The spelling in {@value #VARIABLE}: {@code after-intent-commit}. */
        public String spelling() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final CrashPoints PROCESS = new CrashPoints(System.getenv());

    private final Optional<Point> armed;
    private final int nth;
    private final AtomicInteger reached = new AtomicInteger();

    CrashPoints(Map<String, String> env) {
        String raw = Optional.ofNullable(env.get(VARIABLE)).orElse("").trim();
        String[] parts = raw.split(":", 2);
        this.armed = parse(parts[0]);
        this.nth = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : 1;
    }

    private static Optional<Point> parse(String spelling) {
        for (Point p : Point.values()) {
            if (p.spelling().equals(spelling)) {
                return Optional.of(p);
            }
        }
        if (!spelling.isEmpty()) {
            throw new IllegalArgumentException(VARIABLE + "=" + spelling + " names no crash point; use one of "
                    + String.join(", ", java.util.Arrays.stream(Point.values()).map(Point::spelling).toList()));
        }
        return Optional.empty();
    }

    /** Halts the process when {@code point} is the armed one and this is the armed occurrence. */
    public static void reach(Point point) {
        PROCESS.reached(point);
    }

    /** Whether reaching {@code point} now halts: the armed point, reached for the n-th time. */
    boolean shouldHalt(Point point) {
        return armed.filter(point::equals).isPresent() && reached.incrementAndGet() == nth;
    }

    void reached(Point point) {
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
