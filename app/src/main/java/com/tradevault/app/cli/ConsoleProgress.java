package com.tradevault.app.cli;

import com.tradevault.backup.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * One self-overwriting line on stderr ({@code encrypting  42%  113.0 of 268.4 MiB})
 * while a long operation runs on a terminal; nothing when output goes to a
 * file, a pipe or the journal. Redrawn at most five times a second.
 */
final class ConsoleProgress implements Progress {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream err;
    private String step = "";
    private long lastDraw;

    private ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    /** A progress line on a terminal, or {@link Progress#NONE}. */
    static Progress forTerminal() {
        return System.console() == null ? Progress.NONE : new ConsoleProgress(System.err);
    }

    @Override
    public synchronized void update(String newStep, long done, long total) {
        long now = System.nanoTime();
        boolean finished = total > 0 && done >= total;
        if (newStep.equals(step) && !finished && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        if (!newStep.equals(step) && !step.isEmpty()) {
            err.println();
        }
        step = newStep;
        lastDraw = now;
        long percent = total <= 0 ? 0 : Math.min(100, done * 100 / total);
        err.printf(Locale.ROOT, "\r%-15s %3d%%  %.1f of %.1f MiB", newStep, percent, done / 1048576.0, total / 1048576.0);
        err.flush();
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
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.err.printf(Locale.ROOT, "\r%-15s %d s", step, (System.nanoTime() - start) / 1_000_000_000L);
                System.err.flush();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
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
