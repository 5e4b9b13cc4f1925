package com.tradevault.setup.db;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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
 * {@link PostgresDialect#startBulkLoad}.
 */
final class PostgresCopyWriter implements RowWriter {

    private static final int CHUNK = 1 << 18;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_SECONDS = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private static final byte JSONB_VERSION = 1;

    private final CopyManager copy;
    private final String sql;
    private final int batchSize;
    private final List<LedgerTables.Column> columns;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK + 65536);
    private final DataOutputStream pending = new DataOutputStream(buffer);
    private CopyIn current;
    private int rows;

    PostgresCopyWriter(Connection connection, LedgerTables.Table table, int batchSize) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.sql = "COPY " + table.name() + " (" + String.join(", ", table.columnNames())
                + ") FROM STDIN (FORMAT binary)";
        this.batchSize = batchSize;
        this.columns = table.columns();
    }

    @Override
    public void add(Object[] row) throws SQLException {
        try {
            if (rows == 0) {
                pending.write(SIGNATURE);
                pending.writeInt(0);
                pending.writeInt(0);
            }
            pending.writeShort(row.length);
            for (int i = 0; i < row.length; i++) {
                field(columns.get(i).kind(), row[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (buffer.size() >= CHUNK) {
            send();
        }
        if (++rows >= batchSize) {
            endBatch();
        }
    }

    private void field(LedgerTables.Kind kind, Object value) throws IOException {
        if (value == null) {
            pending.writeInt(-1);
            return;
        }
        switch (kind) {
            case INTEGER -> {
                pending.writeInt(8);
                pending.writeLong((Long) value);
            }
            case INSTANT -> {
                pending.writeInt(8);
                Instant t = (Instant) value;
                pending.writeLong((t.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + t.getNano() / 1000);
            }
            case JSON -> {
                byte[] text = ((String) value).getBytes(StandardCharsets.UTF_8);
                pending.writeInt(text.length + 1);
                pending.writeByte(JSONB_VERSION);
                pending.write(text);
            }
            case TEXT -> {
                byte[] text = ((String) value).getBytes(StandardCharsets.UTF_8);
                pending.writeInt(text.length);
                pending.write(text);
            }
        }
    }

    /** Streams what is pending into the open COPY, starting one if needed. */
    private void send() throws SQLException {
        if (buffer.size() == 0) {
            return;
        }
        if (current == null) {
            current = copy.copyIn(sql);
        }
        byte[] bytes = buffer.toByteArray();
        buffer.reset();
        current.writeToCopy(bytes, 0, bytes.length);
    }

    private void endBatch() throws SQLException {
        if (rows > 0) {
            try {
                pending.writeShort(-1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
