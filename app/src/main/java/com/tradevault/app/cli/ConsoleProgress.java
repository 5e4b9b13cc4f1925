package com.tradevault.app.cli;

import com.tradevault.core.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * One self-overwriting line on stderr per step ({@code encrypting  42%  113.0 of 268.4 MiB},
 * {@code copy  42%  420000 of 1000000 rows  61234 rows/s}, {@code vacuum  12 s}) while a long
 * operation runs on a terminal; nothing when output goes to a file, a pipe or the journal.
 * Redrawn at most five times a second. Our own few lines rather than a progress-bar library: the
 * libraries pull JLine and its native libraries for every platform into the runtime image.
 */
final class ConsoleProgress implements Progress {

    private final PrintStream err;
    private Step step = Step.NONE;

    private ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    /** A progress line on a terminal, or {@link Progress#NONE}. */
    static Progress forTerminal() {
        return System.console() == null ? Progress.NONE : new ConsoleProgress(System.err);
    }

    @Override
    public synchronized void start(String name, Unit unit, long total) {
        done();
        step = total > 0 ? new CountedStep(err, name, unit, total) : TimedStep.start(err, name);
    }

    @Override
    public synchronized void start(String name) {
        done();
        step = TimedStep.start(err, name);
    }

    @Override
    public synchronized void advance(long count) {
        step.advance(count);
    }

    @Override
    public synchronized void done() {
        step.end();
        step = Step.NONE;
    }

    /** The step being drawn. */
    private interface Step {
        /** No step under way: nothing to draw. */
        Step NONE = new Step() {
            @Override
            public void advance(long count) {
            }

            @Override
            public void end() {
            }
        };

        void advance(long count);

        /** Ends the step's line, so that what comes next starts on a fresh one. */
        void end();
    }

    /** A step with a total: its share done, and its count in MiB or in rows with rows per second. */
    private static final class CountedStep implements Step {
        private static final long REDRAW_NANOS = 200_000_000L;

        private final PrintStream err;
        private final String name;
        private final Unit unit;
        private final long total;
        private final long started = System.nanoTime();
        private long done;
        private long lastDraw;

        CountedStep(PrintStream err, String name, Unit unit, long total) {
            this.err = err;
            this.name = name;
            this.unit = unit;
            this.total = total;
            draw(started);
        }

        @Override
        public void advance(long count) {
            done += count;
            long now = System.nanoTime();
            if (done >= total || now - lastDraw >= REDRAW_NANOS) {
                draw(now);
            }
        }

        private void draw(long now) {
            lastDraw = now;
            long percent = Math.min(100, done * 100 / total);
            if (unit == Unit.ROWS) {
                double seconds = Math.max(1e-3, (now - started) / 1e9);
                err.printf(Locale.ROOT, "\r%-15s %3d%%  %d of %d rows  %.0f rows/s", name, percent, done, total,
                        done / seconds);
            } else {
                err.printf(Locale.ROOT, "\r%-15s %3d%%  %.1f of %.1f MiB", name, percent, done / 1048576.0,
                        total / 1048576.0);
            }
            err.flush();
        }

        @Override
        public void end() {
            err.println();
        }
    }

    /** A step with nothing to count: "step  12 s", ticking every second on its own thread until it ends. */
    private static final class TimedStep implements Step {
        private final PrintStream err;
        private final Thread ticking;

        private TimedStep(PrintStream err, Thread ticking) {
            this.err = err;
            this.ticking = ticking;
        }

        static TimedStep start(PrintStream err, String name) {
            long start = System.nanoTime();
            Runnable draw = () -> {
                err.printf(Locale.ROOT, "\r%-15s %d s", name, (System.nanoTime() - start) / 1_000_000_000L);
                err.flush();
            };
            draw.run();
            Thread t = new Thread(() -> tickEverySecond(draw), "progress-" + name);
            t.setDaemon(true);
            t.start();
            return new TimedStep(err, t);
        }

        private static void tickEverySecond(Runnable draw) {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                draw.run();
            }
        }

        @Override
        public void advance(long count) {
        }

        @Override
        public void end() {
            ticking.interrupt();
            try {
                ticking.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.println();
        }
    }
}
