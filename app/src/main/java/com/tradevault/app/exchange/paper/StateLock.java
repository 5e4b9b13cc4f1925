package com.tradevault.app.exchange.paper;

import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
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
 * One engine per state file: an OS lock on {@code FILE.lock} holding the
 * owner's PID, released by the kernel if the process dies. Two engines on one
 * file would both move the prices and fill the same orders.
 */
final class StateLock implements AutoCloseable {

    private final FileChannel channel;

    private StateLock(FileChannel channel) {
        this.channel = channel;
    }

    static StateLock acquire(Path stateFile) {
        Path lockFile = stateFile.resolveSibling(stateFile.getFileName() + ".lock");
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            if (tryLock(channel) == null) {
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
                channel.close();
                throw new TradevaultException(Outcome.LOCKED, "paper exchange state " + stateFile
                        + " is in use by another process" + (holder.isEmpty() ? "" : " (PID " + holder + ")"),
                        "stop the other 'tradevault paper-exchange serve' or bot using it, or give another --state");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new StateLock(channel);
        } catch (IOException e) {
            throw new TradevaultException(Outcome.FAILURE, "cannot lock the paper exchange state " + stateFile
                    + ": " + e.getMessage(), "check that its folder exists and is writable", e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock; nothing else to undo
        }
    }
}
