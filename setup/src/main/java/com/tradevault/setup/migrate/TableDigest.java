package com.tradevault.setup.migrate;

import com.tradevault.setup.db.LedgerTables;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A content checksum of one table that both backends produce alike: every
 * row is put in a canonical form (integers in decimal, timestamps as epoch
 * seconds and nanoseconds, JSON canonicalised by {@link RowReader}, NULL
 * marked), hashed with
 * SHA-256, and the row hashes are added up modulo 2^256. The sum does not
 * depend on row order (collations differ between backends), and a missing,
 * extra, duplicated or changed row changes it.
 */
final class TableDigest {

    private final List<LedgerTables.Column> columns;
    private final MessageDigest sha256;
    private final long[] sum = new long[4];
    private long rows;

    TableDigest(LedgerTables.Table table) {
        this.columns = table.columns();
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    void add(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            field(columns.get(i).kind(), values[i]);
        }
        addToSum(sha256.digest());
        rows++;
    }

    private void field(LedgerTables.Kind kind, Object value) {
        if (value == null) {
            sha256.update((byte) 0);
            return;
        }
        byte[] bytes = canonical(kind, value).getBytes(StandardCharsets.UTF_8);
        sha256.update((byte) 1);
        sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha256.update(bytes);
    }

    private static String canonical(LedgerTables.Kind kind, Object value) {
        return switch (kind) {
            case INSTANT -> {
                Instant t = (Instant) value;
                yield t.getEpochSecond() + "." + t.getNano();
            }
            case JSON -> (String) value;
            default -> value.toString();
        };
    }

    private void addToSum(byte[] hash) {
        ByteBuffer words = ByteBuffer.wrap(hash);
        long carry = 0;
        for (int i = 3; i >= 0; i--) {
            long word = words.getLong(i * 8);
            long total = sum[i] + word + carry;
            carry = Long.compareUnsigned(total, sum[i]) < 0 || (carry == 1 && total == sum[i]) ? 1 : 0;
            sum[i] = total;
        }
    }

    long rows() {
        return rows;
    }

    /** The checksum as 64 hex digits. */
    String hex() {
        ByteBuffer out = ByteBuffer.allocate(32);
        for (long word : sum) {
            out.putLong(word);
        }
        return HexFormat.of().formatHex(out.array());
    }
}
