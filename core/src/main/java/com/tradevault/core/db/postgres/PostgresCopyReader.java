package com.tradevault.core.db.postgres;

import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.db.RowSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Rows of a PostgreSQL table through {@code COPY (SELECT …) TO STDOUT} in
 * the binary format, the mirror of {@link PostgresCopyWriter}: the server
 * sends each value in its stored form (no text formatting of timestamps or
 * numbers on either side) and the rows stream as they are read. Integers
 * come as their 64 bits, timestamps as microseconds since 2000-01-01 UTC,
 * text as UTF-8, JSONB as its version byte and its text.
 */
final class PostgresCopyReader implements RowSource {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_SECONDS = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private static final byte JSONB_VERSION = 1;

    private final CopyOut copy;
    private final LedgerTables.Kind[] kinds;
    private byte[] data = new byte[0];
    private int at;
    private boolean ended;

    private PostgresCopyReader(CopyOut copy, LedgerTables.Kind[] kinds) {
        this.copy = copy;
        this.kinds = kinds;
    }

    static PostgresCopyReader open(Connection connection, LedgerTables.Table table, String where) throws SQLException {
        String sql = "COPY (SELECT " + String.join(", ", table.columnNames()) + " FROM " + table.name()
                + (where.isEmpty() ? "" : " WHERE " + where) + ") TO STDOUT (FORMAT binary)";
        PostgresCopyReader reader = new PostgresCopyReader(
                connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql), table.kinds());
        reader.readHeader();
        return reader;
    }

    private void readHeader() throws SQLException {
        need(SIGNATURE.length + 8);
        if (!Arrays.equals(data, at, at + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new SQLException("COPY did not start with the binary signature");
        }
        at += SIGNATURE.length + 4;
        int extension = int32();
        need(extension);
        at += extension;
    }

    @Override
    public Object[] next() throws SQLException {
        if (ended) {
            return null;
        }
        int fields = int16();
        if (fields == -1) {
            ended = true;
            drain();
            return null;
        }
        if (fields != kinds.length) {
            throw new SQLException("COPY sent " + fields + " fields for " + kinds.length + " columns");
        }
        Object[] row = new Object[fields];
        for (int i = 0; i < fields; i++) {
            row[i] = value(kinds[i], int32());
        }
        return row;
    }

    private Object value(LedgerTables.Kind kind, int length) throws SQLException {
        if (length == -1) {
            return null;
        }
        need(length);
        return switch (kind) {
            case INTEGER -> int64(length);
            case INSTANT -> instant(int64(length));
            case TEXT -> text(0, length);
            case JSON -> json(length);
        };
    }

    private long int64(int length) throws SQLException {
        if (length != 8) {
            throw new SQLException("COPY sent " + length + " bytes for a 64-bit value");
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | data[at++] & 0xff;
        }
        return v;
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(POSTGRES_EPOCH_SECONDS + Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    private String json(int length) throws SQLException {
        if (length < 1 || data[at] != JSONB_VERSION) {
            throw new SQLException("COPY sent JSONB in an unknown format");
        }
        return text(1, length - 1);
    }

    private String text(int skip, int length) {
        String s = new String(data, at + skip, length, StandardCharsets.UTF_8);
        at += skip + length;
        return s;
    }

    private int int16() throws SQLException {
        need(2);
        int v = (short) ((data[at] & 0xff) << 8 | data[at + 1] & 0xff);
        at += 2;
        return v;
    }

    private int int32() throws SQLException {
        need(4);
        int v = (data[at] & 0xff) << 24 | (data[at + 1] & 0xff) << 16 | (data[at + 2] & 0xff) << 8 | data[at + 3] & 0xff;
        at += 4;
        return v;
    }

    /** Makes sure {@code n} unread bytes are at hand, joining the server's messages when a value spans them. */
    private void need(int n) throws SQLException {
        while (data.length - at < n) {
            byte[] more = copy.readFromCopy();
            if (more == null) {
                throw new SQLException("COPY ended in the middle of a row");
            }
            if (at == data.length) {
                data = more;
                at = 0;
                continue;
            }
            byte[] joined = Arrays.copyOfRange(data, at, data.length + more.length);
            System.arraycopy(more, 0, joined, data.length - at, more.length);
            data = joined;
            at = 0;
        }
    }

    /** Reads up to the command's completion, which frees the connection for the next statement. */
    private void drain() throws SQLException {
        byte[] rest = copy.readFromCopy();
        while (rest != null) {
            rest = copy.readFromCopy();
        }
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
