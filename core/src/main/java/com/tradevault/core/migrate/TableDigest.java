package com.tradevault.core.migrate;

import com.tradevault.core.db.LedgerTables;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A content checksum of one table that both backends produce alike. Every
 * row is put in a canonical form of 64-bit words, its fields in the order of
 * their column names (so that two catalogs that declare the same columns in
 * another order agree), the form of each derived from the column's kind in
 * its own catalog (a tag word per field that
 * says NULL, integer, timestamp or text and, for text, its length; integers
 * as their exact 64 bits, timestamps as epoch seconds and nanoseconds, text
 * as UTF-8 packed eight bytes to a word, JSON canonicalised by
 * {@link RowReader}), hashed to 128 bits (MurmurHash3 x64 over the words),
 * and the row hashes are added up modulo 2^128 with the row count alongside.
 * The sum does not depend on row order (collations differ between backends),
 * and a missing, extra, duplicated or changed row changes it. It guards
 * against copying mistakes, not against an adversary: that is what the
 * encryption is for.
 */
final class TableDigest {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final long NULL = 0;
    private static final long INTEGER = 1;
    private static final long INSTANT = 2;
    private static final long TEXT = 3;

    private final LedgerTables.Kind[] kinds;
    /** The position of each field in a row, in the order of the column names. */
    private final int[] order;
    private final List<String> columns;
    private long[] words = new long[64];
    private int length;
    private long sumHigh;
    private long sumLow;
    private long rows;

    TableDigest(LedgerTables.Table table) {
        this.kinds = table.kinds();
        List<String> names = table.columnNames();
        this.order = IntStream.range(0, names.size()).boxed().sorted(Comparator.comparing(names::get))
                .mapToInt(Integer::intValue).toArray();
        this.columns = Arrays.stream(order).mapToObj(names::get).toList();
    }

    void add(Object[] values) {
        length = 0;
        for (int i : order) {
            field(kinds[i], values[i]);
        }
        hashRow();
        rows++;
    }

    private void field(LedgerTables.Kind kind, Object value) {
        ensure(3);
        if (value == null) {
            words[length++] = NULL;
        } else if (kind == LedgerTables.Kind.INTEGER) {
            words[length++] = INTEGER;
            words[length++] = (Long) value;
        } else if (kind == LedgerTables.Kind.INSTANT) {
            Instant t = (Instant) value;
            words[length++] = INSTANT;
            words[length++] = t.getEpochSecond();
            words[length++] = t.getNano();
        } else {
            text(((String) value).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The length in the tag word, then the bytes, little-endian, the last word padded with zeros. */
    private void text(byte[] text) {
        int full = text.length >>> 3;
        ensure(full + 2);
        words[length++] = TEXT | (long) text.length << 8;
        for (int w = 0, at = 0; w < full; w++, at += 8) {
            words[length++] = text[at] & 0xffL | (text[at + 1] & 0xffL) << 8 | (text[at + 2] & 0xffL) << 16
                    | (text[at + 3] & 0xffL) << 24 | (text[at + 4] & 0xffL) << 32 | (text[at + 5] & 0xffL) << 40
                    | (text[at + 6] & 0xffL) << 48 | (text[at + 7] & 0xffL) << 56;
        }
        if ((text.length & 7) != 0) {
            long last = 0;
            for (int at = text.length - 1; at >= full << 3; at--) {
                last = last << 8 | text[at] & 0xffL;
            }
            words[length++] = last;
        }
    }

    private void ensure(int more) {
        if (length + more + 1 > words.length) {
            words = Arrays.copyOf(words, Math.max(words.length * 2, length + more + 1));
        }
    }

    /** MurmurHash3 x64 128 of the row's words (as little-endian bytes), added to the running sum. */
    private void hashRow() {
        long h1 = 0;
        long h2 = 0;
        long[] w = words;
        int pairs = length >>> 1;
        for (int i = 0; i < pairs; i++) {
            h1 ^= Long.rotateLeft(w[2 * i] * C1, 31) * C2;
            h1 = (Long.rotateLeft(h1, 27) + h2) * 5 + 0x52dce729;
            h2 ^= Long.rotateLeft(w[2 * i + 1] * C2, 33) * C1;
            h2 = (Long.rotateLeft(h2, 31) + h1) * 5 + 0x38495ab5;
        }
        if ((length & 1) != 0) {
            h1 ^= Long.rotateLeft(w[length - 1] * C1, 31) * C2;
        }
        long bytes = 8L * length;
        h1 ^= bytes;
        h2 ^= bytes;
        h1 += h2;
        h2 += h1;
        h1 = mix(h1);
        h2 = mix(h2);
        h1 += h2;
        h2 += h1;
        addToSum(h1, h2);
    }

    private static long mix(long k) {
        k = (k ^ (k >>> 33)) * 0xff51afd7ed558ccdL;
        k = (k ^ (k >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return k ^ (k >>> 33);
    }

    /** Adds the 128-bit value {@code high}:{@code low} to the running sum, modulo 2^128 (the carry from the low word). */
    private void addToSum(long high, long low) {
        long sum = sumLow + low;
        sumHigh += high + (Long.compareUnsigned(sum, sumLow) < 0 ? 1 : 0);
        sumLow = sum;
    }

    /** Adds the rows of {@code other} (a slice of the same table) to this checksum. */
    void merge(TableDigest other) {
        addToSum(other.sumHigh, other.sumLow);
        rows += other.rows;
    }

    /** The columns this checksum covers, in name order. */
    List<String> columns() {
        return columns;
    }

    long rows() {
        return rows;
    }

    /** The checksum as 32 hex digits. */
    String hex() {
        return String.format("%016x%016x", sumHigh, sumLow);
    }
}
