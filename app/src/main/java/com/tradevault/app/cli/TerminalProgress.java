package com.tradevault.app.cli;

import com.tradevault.setup.migrate.Progress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar with rows per second on stderr, only when a person is
 * watching (a terminal); {@link Progress#NONE} for services and scripts.
 */
final class TerminalProgress implements Progress {

    private ProgressBar bar;

    static Progress whenInteractive() {
        return System.console() != null ? new TerminalProgress() : Progress.NONE;
    }

    @Override
    public void phase(String name, long totalRows) {
        done();
        bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(totalRows).setUnit(" rows", 1).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250).build();
    }

    @Override
    public void advance(long rows) {
        if (bar != null) {
            bar.stepBy(rows);
        }
    }

    @Override
    public void done() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
