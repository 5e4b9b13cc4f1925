package com.tradevault.backup;

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

    private SnapshotWatch(Thread thread) {
        this.thread = thread;
    }

    static SnapshotWatch start(Path snapshot, long expected, Progress progress) {
        if (progress == Progress.NONE) {
            return new SnapshotWatch(null);
        }
        Thread t = new Thread(() -> watch(snapshot, expected, progress), "snapshot-progress");
        t.setDaemon(true);
        t.start();
        return new SnapshotWatch(t);
    }

    private static void watch(Path snapshot, long expected, Progress progress) {
        String prefix = snapshot.getFileName().toString();
        while (!Thread.currentThread().isInterrupted()) {
            progress.update("snapshot", Math.min(written(snapshot.getParent(), prefix), expected), expected);
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

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
