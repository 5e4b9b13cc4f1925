package com.tradevault.app.cli;

import com.tradevault.backup.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * One self-overwriting line on stderr ({@code encrypting  42%  113.0 of 268.4 MiB},
 * {@code copy  42%  420000 of 1000000 rows  61234 rows/s}) while a long operation runs on a
 * terminal; nothing when output goes to a file, a pipe or the journal. Redrawn at most five
 * times a second. Our own twenty lines rather than a progress-bar library: the libraries pull
 * JLine and its native libraries for every platform into the runtime image.
 */
final class ConsoleProgress implements Progress {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream err;
    private final boolean rows;
    private String step = "";
    private long lastDraw;
    private long stepStart;

    private ConsoleProgress(PrintStream err, boolean rows) {
        this.err = err;
        this.rows = rows;
    }

    /** A progress line counting bytes on a terminal, or {@link Progress#NONE}. */
    static Progress forTerminal() {
        return System.console() == null ? Progress.NONE : new ConsoleProgress(System.err, false);
    }

    /** A progress line counting rows, with rows per second, on a terminal; quiet otherwise. */
    static com.tradevault.setup.migrate.Progress rowsForTerminal() {
        return System.console() == null ? com.tradevault.setup.migrate.Progress.NONE
                : new RowPhases(new ConsoleProgress(System.err, true));
    }

    @Override
    public synchronized void update(String newStep, long done, long total) {
        long now = System.nanoTime();
        boolean finished = total > 0 && done >= total;
        if (newStep.equals(step) && !finished && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        if (!newStep.equals(step)) {
            if (!step.isEmpty()) {
                err.println();
            }
            stepStart = now;
        }
        step = newStep;
        lastDraw = now;
        long percent = total <= 0 ? 0 : Math.min(100, done * 100 / total);
        if (rows) {
            double seconds = Math.max(1e-3, (now - stepStart) / 1e9);
            err.printf(Locale.ROOT, "\r%-15s %3d%%  %d of %d rows  %.0f rows/s", newStep, percent, done, total,
                    done / seconds);
        } else {
            err.printf(Locale.ROOT, "\r%-15s %3d%%  %.1f of %.1f MiB", newStep, percent, done / 1048576.0,
                    total / 1048576.0);
        }
        err.flush();
    }

    /** The migration's phases (copy, verify) drawn as steps of a row-counting line. */
    private static final class RowPhases implements com.tradevault.setup.migrate.Progress {
        private final ConsoleProgress line;
        private String phase = "";
        private long total;
        private long done;
        private AutoCloseable clock;

        RowPhases(ConsoleProgress line) {
            this.line = line;
        }

        @Override
        public void phase(String name, long totalRows) {
            phase = name;
            total = totalRows;
            done = 0;
            if (totalRows > 0) {
                line.update(phase, 0, total);
            } else {
                clock = ticking(name);
            }
        }

        @Override
        public void advance(long rowCount) {
            done += rowCount;
            line.update(phase, done, total);
        }

        @Override
        public void done() {
            if (clock != null) {
                try {
                    clock.close();
                } catch (Exception e) {
                    throw new IllegalStateException("stopping the progress clock", e);
                }
                clock = null;
                return;
            }
            finish(line);
            line.step = "";
        }
    }

    /**
     * For steps that report no byte counts (VACUUM, integrity checks): on a
     * terminal, "step  12 s" ticking every second until closed; nothing otherwise.
     */
    static AutoCloseable ticking(String step) {
        if (System.console() == null) {
            return () -> { };
        }
        long start = System.nanoTime();
        Runnable draw = () -> {
            System.err.printf(Locale.ROOT, "\r%-15s %d s", step, (System.nanoTime() - start) / 1_000_000_000L);
            System.err.flush();
        };
        draw.run();
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                draw.run();
            }
        }, "progress-" + step);
        t.setDaemon(true);
        t.start();
        return () -> {
            t.interrupt();
            t.join();
            System.err.println();
        };
    }

    /** Ends the line, so that the command's own output starts on a fresh one. */
    static void finish(Progress progress) {
        if (progress instanceof ConsoleProgress p && !p.step.isEmpty()) {
            p.err.println();
        }
    }
}
