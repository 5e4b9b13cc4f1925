package com.tradevault.setup.migrate;

import com.tradevault.setup.db.LedgerTables;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A content checksum of one table that both backends produce alike. Every
 * row is put in a canonical binary form (integers as their exact 64 bits,
 * timestamps as epoch seconds and nanoseconds, text as UTF-8, JSON
 * canonicalised by {@link RowReader}, NULL marked, every field
 * length-prefixed), hashed to 128 bits (MurmurHash3 x64), and the row hashes
 * are added up modulo 2^128 with the row count alongside. The sum does not
 * depend on row order (collations differ between backends), and a missing,
 * extra, duplicated or changed row changes it. It guards against copying
 * mistakes, not against an adversary: that is what the encryption is for.
 */
final class TableDigest {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private final List<LedgerTables.Column> columns;
    private byte[] row = new byte[512];
    private int length;
    private long sumHigh;
    private long sumLow;
    private long rows;

    TableDigest(LedgerTables.Table table) {
        this.columns = table.columns();
    }

    void add(Object[] values) {
        length = 0;
        for (int i = 0; i < values.length; i++) {
            field(columns.get(i).kind(), values[i]);
        }
        hashRow();
        rows++;
    }

    private void field(LedgerTables.Kind kind, Object value) {
        if (value == null) {
            putByte(0);
        } else if (kind == LedgerTables.Kind.INTEGER) {
            putByte(1);
            putLong((Long) value);
        } else if (kind == LedgerTables.Kind.INSTANT) {
            Instant t = (Instant) value;
            putByte(2);
            putLong(t.getEpochSecond());
            putLong(t.getNano());
        } else {
            byte[] text = ((String) value).getBytes(StandardCharsets.UTF_8);
            putByte(3);
            putLong(text.length);
            ensure(text.length);
            System.arraycopy(text, 0, row, length, text.length);
            length += text.length;
        }
    }

    private void putByte(int b) {
        ensure(1);
        row[length++] = (byte) b;
    }

    private void putLong(long v) {
        ensure(8);
        byte[] r = row;
        int at = length;
        r[at] = (byte) v;
        r[at + 1] = (byte) (v >>> 8);
        r[at + 2] = (byte) (v >>> 16);
        r[at + 3] = (byte) (v >>> 24);
        r[at + 4] = (byte) (v >>> 32);
        r[at + 5] = (byte) (v >>> 40);
        r[at + 6] = (byte) (v >>> 48);
        r[at + 7] = (byte) (v >>> 56);
        length = at + 8;
    }

    private void ensure(int more) {
        if (length + more + 16 > row.length) {
            row = Arrays.copyOf(row, Math.max(row.length * 2, length + more + 16));
        }
    }

    /** MurmurHash3 x64 128 of the row, added to the running sum. */
    private void hashRow() {
        long h1 = 0;
        long h2 = 0;
        int blocks = length / 16;
        for (int i = 0; i < blocks; i++) {
            long k1 = littleEndian(i * 16);
            long k2 = littleEndian(i * 16 + 8);
            h1 ^= Long.rotateLeft(k1 * C1, 31) * C2;
            h1 = (Long.rotateLeft(h1, 27) + h2) * 5 + 0x52dce729;
            h2 ^= Long.rotateLeft(k2 * C2, 33) * C1;
            h2 = (Long.rotateLeft(h2, 31) + h1) * 5 + 0x38495ab5;
        }
        Arrays.fill(row, length, blocks * 16 + 16, (byte) 0);
        long k1 = littleEndian(blocks * 16);
        long k2 = littleEndian(blocks * 16 + 8);
        h2 ^= Long.rotateLeft(k2 * C2, 33) * C1;
        h1 ^= Long.rotateLeft(k1 * C1, 31) * C2;
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = mix(h1);
        h2 = mix(h2);
        h1 += h2;
        h2 += h1;
        long low = sumLow + h2;
        sumHigh += h1 + (Long.compareUnsigned(low, sumLow) < 0 ? 1 : 0);
        sumLow = low;
    }

    /**
     * The 8 bytes at {@code at}, little-endian. Written out rather than as a
     * loop or a VarHandle: the launcher's C1-only JIT neither unrolls the one
     * nor inlines the other, and this runs for every 8 bytes of every row.
     */
    private long littleEndian(int at) {
        byte[] r = row;
        return r[at] & 0xffL | (r[at + 1] & 0xffL) << 8 | (r[at + 2] & 0xffL) << 16 | (r[at + 3] & 0xffL) << 24
                | (r[at + 4] & 0xffL) << 32 | (r[at + 5] & 0xffL) << 40 | (r[at + 6] & 0xffL) << 48
                | (r[at + 7] & 0xffL) << 56;
    }

    private static long mix(long k) {
        k = (k ^ (k >>> 33)) * 0xff51afd7ed558ccdL;
        k = (k ^ (k >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return k ^ (k >>> 33);
    }

    /** Adds the rows of {@code other} (a slice of the same table) to this checksum. */
    void merge(TableDigest other) {
        long low = sumLow + other.sumLow;
        sumHigh += other.sumHigh + (Long.compareUnsigned(low, sumLow) < 0 ? 1 : 0);
        sumLow = low;
        rows += other.rows;
    }

    long rows() {
        return rows;
    }

    /** The checksum as 32 hex digits. */
    String hex() {
        return String.format("%016x%016x", sumHigh, sumLow);
    }
}
