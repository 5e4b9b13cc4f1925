package com.tradevault.backup.replica;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * One file of a replica: a WAL segment (committed frames, numbered without
 * gaps within its generation) or a snapshot (a whole database image, as it
 * stood after segment {@code index}). The body is the ledger's own
 * ciphertext; a header names the generation, number, time and page size, and
 * an HMAC-SHA256 tag covers header and body, so a file that was changed,
 * truncated, renamed or moved to another generation does not verify.
 *
 * @param kind       {@link #SEGMENT} or {@link #SNAPSHOT}
 * @param generation the generation's name
 * @param index      the segment number (a snapshot: the last segment it includes, 0 for none)
 * @param time       when it was shipped
 * @param pageSize   the ledger's page size
 * @param body       frames, or the database image
 */
record ReplicaFile(byte kind, String generation, long index, Instant time, int pageSize, byte[] body) {

    static final byte SEGMENT = 'W';
    static final byte SNAPSHOT = 'S';
    private static final byte[] MAGIC = "TVREPL01".getBytes(StandardCharsets.US_ASCII);

    /** The file's name in its generation's folder. */
    String name() {
        return name(kind, index);
    }

    static String name(byte kind, long index) {
        return kind == SEGMENT ? String.format("%010d.segment", index) : String.format("snapshot-%010d.db", index);
    }

    byte[] seal(ReplicaKey key) {
        byte[] header = header(body.length);
        ByteBuffer b = ByteBuffer.allocate(header.length + body.length + ReplicaKey.TAG);
        b.put(header).put(body);
        b.put(key.tag(b.array(), b.position()));
        return b.array();
    }

    /** The header of this file for a body of {@code bodyLength} bytes. */
    byte[] header(long bodyLength) {
        byte[] gen = generation.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + gen.length + 28);
        b.put(MAGIC).put(kind).put((byte) gen.length).put(gen).putLong(index).putLong(time.toEpochMilli())
                .putInt(pageSize).putLong(bodyLength);
        return b.array();
    }

    /** Reads a header (the tag already checked); the body is left empty. */
    static ReplicaFile readHeader(byte[] start) throws Unreadable {
        if (start.length < MAGIC.length + 2 || !Arrays.equals(MAGIC, Arrays.copyOf(start, MAGIC.length))) {
            throw new Unreadable("it is not a tradevault replica file (or it is truncated)");
        }
        ByteBuffer b = ByteBuffer.wrap(start, MAGIC.length, start.length - MAGIC.length);
        byte kind = b.get();
        byte[] gen = new byte[b.get()];
        b.get(gen);
        return new ReplicaFile(kind, new String(gen, StandardCharsets.US_ASCII), b.getLong(),
                Instant.ofEpochMilli(b.getLong()), b.getInt(), new byte[0]);
    }

    /** Where the body starts in a file whose header begins {@code start}. */
    static int headerLength(byte[] start) {
        return MAGIC.length + 2 + (start[MAGIC.length + 1] & 0xFF) + 28;
    }

    /** Reads and authenticates a file; the message says what is wrong with it. */
    static ReplicaFile open(byte[] data, ReplicaKey key) throws Unreadable {
        if (data.length < MAGIC.length + 2 + 28 + ReplicaKey.TAG
                || !Arrays.equals(MAGIC, Arrays.copyOf(data, MAGIC.length))) {
            throw new Unreadable("it is not a tradevault replica file (or it is truncated)");
        }
        int signed = data.length - ReplicaKey.TAG;
        if (!key.verify(data, signed, Arrays.copyOfRange(data, signed, data.length))) {
            throw new Unreadable("its authentication tag does not match: it was changed or truncated, or it was"
                    + " written under another database key");
        }
        ByteBuffer b = ByteBuffer.wrap(data, MAGIC.length, signed - MAGIC.length);
        byte kind = b.get();
        byte[] gen = new byte[b.get()];
        b.get(gen);
        long index = b.getLong();
        Instant time = Instant.ofEpochMilli(b.getLong());
        int pageSize = b.getInt();
        byte[] body = new byte[(int) b.getLong()];
        b.get(body);
        return new ReplicaFile(kind, new String(gen, StandardCharsets.US_ASCII), index, time, pageSize, body);
    }

    /** A replica file that cannot be used, with the reason. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason);
        }
    }
}
