package com.tradevault.backup;

import com.tradevault.core.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Reports a snapshot's progress while the database writes it, by watching
 * the size of its files (the snapshot has no progress callback of its own).
 */
final class SnapshotWatch implements AutoCloseable {

    private final Thread thread;
    private final Progress progress;

    private SnapshotWatch(Thread thread, Progress progress) {
        this.thread = thread;
        this.progress = progress;
    }

    static SnapshotWatch start(Path snapshot, long expected, Progress progress) {
        if (progress == Progress.NONE) {
            return new SnapshotWatch(null, progress);
        }
        progress.start("snapshot", Progress.Unit.BYTES, expected);
        Thread t = new Thread(() -> watch(snapshot, expected, progress), "snapshot-progress");
        t.setDaemon(true);
        t.start();
        return new SnapshotWatch(t, progress);
    }

    private static void watch(Path snapshot, long expected, Progress progress) {
        String prefix = snapshot.getFileName().toString();
        long reported = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long written = Math.min(written(snapshot.getParent(), prefix), expected);
            progress.advance(Math.max(0, written - reported));
            reported = Math.max(reported, written);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Bytes in files whose name starts with the snapshot's (the snapshot and its own temp file). */
    private static long written(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) || f.getFileName().toString()
                    .startsWith("." + prefix)).mapToLong(SnapshotWatch::size).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Stops watching and ends the step: the watcher is gone before the next step starts. */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        progress.done();
    }
}
