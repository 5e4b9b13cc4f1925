package com.tradevault.core.db.postgres;

import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.db.RowWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows into a PostgreSQL table through {@code COPY … FROM STDIN} in the
 * binary format, one {@code COPY} per batch, streamed so the server stores
 * rows while the next ones are read: integers as their 64 bits, timestamps
 * as microseconds since 2000-01-01 UTC (exact for every instant either
 * backend holds, 1 BC included), text as UTF-8, JSON as JSONB's text form.
 * Indexes and keys are set aside for the whole load by
 * {@link PostgresBulkCopy#startBulkLoad}.
 */
final class PostgresCopyWriter implements RowWriter {

    private static final int CHUNK = 1 << 18;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_SECONDS = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private static final byte JSONB_VERSION = 1;

    private final CopyManager copy;
    private final String sql;
    private final int batchSize;
    private final LedgerTables.Kind[] kinds;
    private byte[] pending = new byte[CHUNK + 65536];
    private int length;
    private CopyIn current;
    private int rows;

    PostgresCopyWriter(Connection connection, LedgerTables.Table table, int batchSize) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.sql = "COPY " + table.name() + " (" + String.join(", ", table.columnNames())
                + ") FROM STDIN (FORMAT binary)";
        this.batchSize = batchSize;
        this.kinds = table.kinds();
    }

    @Override
    public void add(Object[] row) throws SQLException {
        if (rows == 0) {
            bytes(SIGNATURE);
            int32(0);
            int32(0);
        }
        int16(row.length);
        for (int i = 0; i < row.length; i++) {
            field(kinds[i], row[i]);
        }
        if (length >= CHUNK) {
            send();
        }
        if (++rows >= batchSize) {
            endBatch();
        }
    }

    private void field(LedgerTables.Kind kind, Object value) {
        if (value == null) {
            int32(-1);
            return;
        }
        switch (kind) {
            case INTEGER -> {
                int32(8);
                int64((Long) value);
            }
            case INSTANT -> {
                int32(8);
                Instant t = (Instant) value;
                int64((t.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + t.getNano() / 1000);
            }
            case JSON -> {
                byte[] text = ((String) value).getBytes(StandardCharsets.UTF_8);
                int32(text.length + 1);
                room(1);
                pending[length++] = JSONB_VERSION;
                bytes(text);
            }
            case TEXT -> {
                byte[] text = ((String) value).getBytes(StandardCharsets.UTF_8);
                int32(text.length);
                bytes(text);
            }
        }
    }

    // Big-endian, as the COPY format has it; plain array writes, since the launcher's C1-only JIT
    // would pay a call (and a lock) per byte through DataOutputStream over ByteArrayOutputStream.
    private void int16(int v) {
        room(2);
        pending[length++] = (byte) (v >>> 8);
        pending[length++] = (byte) v;
    }

    private void int32(int v) {
        room(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            pending[length++] = (byte) (v >>> shift);
        }
    }

    private void int64(long v) {
        room(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            pending[length++] = (byte) (v >>> shift);
        }
    }

    private void bytes(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, pending, length, b.length);
        length += b.length;
    }

    private void room(int more) {
        if (length + more > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(2 * pending.length, length + more));
        }
    }

    /** Streams what is pending into the open COPY, starting one if needed. */
    private void send() throws SQLException {
        if (length == 0) {
            return;
        }
        if (current == null) {
            current = copy.copyIn(sql);
        }
        current.writeToCopy(pending, 0, length);
        length = 0;
    }

    private void endBatch() throws SQLException {
        if (rows > 0) {
            int16(-1);
        }
        send();
        if (current != null) {
            current.endCopy();
            current = null;
        }
        rows = 0;
    }

    @Override
    public void close() throws SQLException {
        try {
            endBatch();
        } finally {
            if (current != null && current.isActive()) {
                current.cancelCopy();
            }
        }
    }
}
