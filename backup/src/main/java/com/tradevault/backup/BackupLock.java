package com.tradevault.backup;

import com.tradevault.core.AtomicFiles;
import com.tradevault.core.Outcome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One backup at a time per folder (a timer and an operator may start one
 * together): an OS lock on {@code .backup.lock}, released by the kernel even
 * after {@code kill -9}. Whoever holds it may remove temp files that an
 * interrupted backup left behind, since no other backup can be writing them.
 */
final class BackupLock implements AutoCloseable {

    private static final Pattern LEFTOVER =
            Pattern.compile("\\.+tradevault-\\d{8}T\\d{6}Z(-\\d+)?\\.tar\\.gpg\\..*\\.tmp(-journal|-wal|-shm)?");

    private final FileChannel channel;
    private final FileLock lock;

    private BackupLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static BackupLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(".backup.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel);
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
            channel.close();
            throw new BackupProblem(Outcome.LOCKED, "another backup into " + dir + " is running (PID "
                    + (holder.isEmpty() ? "unknown" : holder) + ")", "wait for it to finish, then run this one again");
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            removeLeftovers(dir);
            return new BackupLock(channel, lock);
        } catch (IOException | RuntimeException e) {
            // a full disk cannot take the PID: the lock and its file are let go, not left open
            channel.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /**
     * Temp files of backups interrupted by a crash: hidden files named after a
     * backup ({@code .tradevault-<UTC>.tar.gpg.partial.tmp}, the snapshot and
     * SQLite's own files beside it), never anything else.
     */
    private static void removeLeftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> LEFTOVER.matcher(f.getFileName().toString()).matches()).forEach(AtomicFiles::deleteQuietly);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
