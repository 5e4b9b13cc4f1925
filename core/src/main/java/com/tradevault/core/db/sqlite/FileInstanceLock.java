package com.tradevault.core.db.sqlite;

import com.tradevault.core.db.DatabaseLocked;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.InstanceLock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The single-writer lock of a SQLite ledger: an OS file lock on
 * {@code tradevault.db.lock}, which holds the PID of its owner. The kernel
 * releases it when the process dies, so a crash never leaves a stale lock.
 */
final class FileInstanceLock implements InstanceLock {

    private final FileChannel channel;
    private final FileLock lock;

    private FileInstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static InstanceLock acquire(Path lockFile, String ledger) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
                channel.close();
                throw locked(ledger, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new FileInstanceLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw DatabaseProblem.failed("taking the instance lock " + lockFile, ledger, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    static DatabaseLocked locked(String ledger, String holderPid) {
        String who = holderPid.isEmpty() ? "another process" : "another tradevault process (PID " + holderPid + ")";
        return new DatabaseLocked("ledger " + ledger + " is in use by " + who,
                "stop it first (e.g. 'systemctl stop tradevault'), or wait for it to finish");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock, if any, goes with the channel
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it as well
        }
        closeQuietly(channel);
    }
}
