package com.tradevault.backup.replica;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a SQLite write-ahead log exactly as SQLite's own recovery does: the
 * header's salts name the log's current incarnation (they change when the log
 * restarts from its beginning), and a frame counts only if its salts match and
 * its cumulative checksum holds; only frames up to the last commit frame are
 * taken. The frames are copied as they are on disk (an encrypted ledger's pages
 * stay ciphertext).
 */
final class WalLog {

    static final int HEADER = 32;
    static final int FRAME_HEADER = 24;

    private WalLog() {
    }

    /**
     * Where shipping stands in one incarnation of the log.
     *
     * @param salt     the incarnation's salts (8 bytes)
     * @param pageSize its page size
     * @param frames   frames already taken
     * @param s1       the cumulative checksum after them, first word
     * @param s2       second word
     * @param bigEndian the checksum's byte order
     */
    record Position(byte[] salt, int pageSize, long frames, int s1, int s2, boolean bigEndian) {

        long frameBytes() {
            return FRAME_HEADER + (long) pageSize;
        }

        boolean sameIncarnation(byte[] other) {
            return Arrays.equals(salt, other);
        }
    }

    /** Committed frames read past a position, and the position after them. */
    record Read(Position after, byte[] frames, long count) {
    }

    /** The log's position at its beginning, if it has a valid header. */
    static Optional<Position> start(Path wal) throws IOException {
        if (!Files.exists(wal) || Files.size(wal) < HEADER) {
            return Optional.empty();
        }
        try (FileChannel in = FileChannel.open(wal, StandardOpenOption.READ)) {
            ByteBuffer h = read(in, 0, HEADER);
            if (h == null) {
                return Optional.empty();
            }
            int magic = h.getInt(0);
            if ((magic & 0xFFFFFFFE) != 0x377f0682) {
                return Optional.empty();
            }
            boolean big = (magic & 1) == 1;
            int[] sum = checksum(h.array(), 0, 24, 0, 0, big);
            if (sum[0] != h.getInt(24) || sum[1] != h.getInt(28)) {
                return Optional.empty();
            }
            return Optional.of(new Position(Arrays.copyOfRange(h.array(), 16, 24), h.getInt(8), 0, sum[0], sum[1], big));
        }
    }

    /**
     * Whether the log's current incarnation is at least {@code bytes} long: the frame that far
     * from its beginning carries the incarnation's salts (a frame left from an earlier, longer
     * incarnation carries other salts). One frame header is read, however long the log.
     */
    static boolean holdsAtLeast(Path wal, long bytes) throws IOException {
        Optional<Position> head = start(wal);
        if (head.isEmpty()) {
            return false;
        }
        long frame = Math.max(0, (bytes - HEADER) / head.get().frameBytes());
        try (FileChannel in = FileChannel.open(wal, StandardOpenOption.READ)) {
            ByteBuffer f = read(in, HEADER + frame * head.get().frameBytes(), FRAME_HEADER);
            return f != null && head.get().sameIncarnation(Arrays.copyOfRange(f.array(), 8, 16));
        }
    }

    /** The committed frames after {@code from} in the same incarnation; none if the log restarted. */
    static Read after(Path wal, Position from) throws IOException {
        try (FileChannel in = FileChannel.open(wal, StandardOpenOption.READ)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            Position committed = from;
            Position at = from;
            java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
            while (true) {
                ByteBuffer f = read(in, HEADER + at.frames() * at.frameBytes(), (int) at.frameBytes());
                Optional<Position> next = f == null ? Optional.empty() : valid(f, at);
                if (next.isEmpty()) {
                    return new Read(committed, out.toByteArray(), committed.frames() - from.frames());
                }
                pending.write(f.array());
                at = next.get();
                if (f.getInt(4) != 0) {
                    pending.writeTo(out);
                    pending.reset();
                    committed = at;
                }
            }
        }
    }

    private static Optional<Position> valid(ByteBuffer frame, Position at) {
        byte[] b = frame.array();
        if (!Arrays.equals(at.salt(), Arrays.copyOfRange(b, 8, 16))) {
            return Optional.empty();
        }
        int[] sum = checksum(b, 0, 8, at.s1(), at.s2(), at.bigEndian());
        sum = checksum(b, FRAME_HEADER, at.pageSize(), sum[0], sum[1], at.bigEndian());
        if (sum[0] != frame.getInt(16) || sum[1] != frame.getInt(20)) {
            return Optional.empty();
        }
        return Optional.of(new Position(at.salt(), at.pageSize(), at.frames() + 1, sum[0], sum[1], at.bigEndian()));
    }

    /** SQLite's WAL checksum: Fibonacci-weighted sums of 32-bit words in the log's byte order. */
    static int[] checksum(byte[] b, int offset, int length, int s1, int s2, boolean bigEndian) {
        ByteBuffer words = ByteBuffer.wrap(b, offset, length).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int i = offset; i < offset + length; i += 8) {
            s1 += words.getInt(i) + s2;
            s2 += words.getInt(i + 4) + s1;
        }
        return new int[] {s1, s2};
    }

    private static ByteBuffer read(FileChannel in, long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (in.read(b, at + b.position()) <= 0) {
                return null;
            }
        }
        return b;
    }

    /**
     * Applies frames to a database file as a checkpoint does: each page image
     * written at its place, the file cut to the size each commit frame gives.
     */
    static void apply(FileChannel db, byte[] frames, int pageSize) throws IOException {
        int step = FRAME_HEADER + pageSize;
        for (int at = 0; at + step <= frames.length; at += step) {
            ByteBuffer f = ByteBuffer.wrap(frames, at, step);
            long page = Integer.toUnsignedLong(f.getInt(at));
            int commitSize = f.getInt(at + 4);
            db.write(ByteBuffer.wrap(frames, at + FRAME_HEADER, pageSize), (page - 1) * pageSize);
            if (commitSize != 0) {
                db.truncate((long) commitSize * pageSize);
            }
        }
    }
}
