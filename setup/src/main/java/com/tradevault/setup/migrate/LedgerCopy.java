package com.tradevault.setup.migrate;

import com.tradevault.setup.db.Database;
import com.tradevault.setup.db.LedgerTables;
import com.tradevault.setup.db.RowWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies every ledger table from one database into another whose schema is
 * at the same version and whose tables are empty: tables in foreign-key
 * order, in batches through the target dialect's bulk writer, all in one
 * target transaction (a failure leaves the target's tables empty), id
 * generators advanced past the largest id. The source checksum is taken in
 * the same pass; {@link #verify} then reads the target back and compares.
 */
final class LedgerCopy {

    private final Database source;
    private final Database target;
    private final int batchSize;
    private final Progress progress;

    LedgerCopy(Database source, Database target, int batchSize, Progress progress) {
        this.source = source;
        this.target = target;
        this.batchSize = batchSize;
        this.progress = progress;
    }

    /** Rows per table of the source, in copy order. */
    Map<String, Long> sourceCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = source.connect(); Statement s = c.createStatement()) {
            for (LedgerTables.Table table : LedgerTables.ALL) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table.name())) {
                    r.next();
                    counts.put(table.name(), r.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Copies every table; returns the source digest of each. */
    Map<String, TableDigest> copy(long totalRows) throws SQLException {
        Map<String, TableDigest> digests = new LinkedHashMap<>();
        progress.phase("copy", totalRows);
        try (Connection in = source.connect(); Connection out = target.connect()) {
            in.setAutoCommit(false);
            out.setAutoCommit(false);
            try {
                for (LedgerTables.Table table : LedgerTables.ALL) {
                    digests.put(table.name(), copyTable(in, out, table));
                }
                out.commit();
            } catch (SQLException | RuntimeException e) {
                out.rollback();
                throw e;
            } finally {
                in.rollback();
            }
        }
        progress.done();
        return digests;
    }

    private TableDigest copyTable(Connection in, Connection out, LedgerTables.Table table) throws SQLException {
        RowReader reader = new RowReader(source.dialect(), table);
        TableDigest digest = new TableDigest(table);
        List<Offense> offenses = new ArrayList<>();
        try (RowWriter writer = target.dialect().rowWriter(out, table, batchSize);
             Statement s = in.createStatement()) {
            s.setFetchSize(batchSize);
            try (ResultSet rows = s.executeQuery(reader.select())) {
                while (rows.next()) {
                    Object[] values = reader.read(rows, offenses::add);
                    refuse(offenses);
                    writer.add(values);
                    digest.add(values);
                    tick(digest.rows());
                }
            }
        }
        progress.advance(digest.rows() % 1000);
        target.dialect().advanceIdentity(out, table);
        return digest;
    }

    private void tick(long rows) {
        if (rows % 1000 == 0) {
            progress.advance(1000);
        }
    }

    /** A value the preflight let through cannot be copied: stop rather than write a NULL for it. */
    private static void refuse(List<Offense> offenses) throws SQLException {
        if (!offenses.isEmpty()) {
            throw new SQLException("cannot copy " + offenses.get(0).describe());
        }
    }

    /** Reads every table of the target back and compares rows and checksums with the source's. */
    List<TableResult> verify(Map<String, TableDigest> sourceDigests, long totalRows) throws SQLException {
        progress.phase("verify", totalRows);
        List<TableResult> results = new ArrayList<>();
        try (Connection c = target.connect()) {
            c.setAutoCommit(false);
            try {
                for (LedgerTables.Table table : LedgerTables.ALL) {
                    TableDigest theirs = digest(c, table);
                    TableDigest ours = sourceDigests.get(table.name());
                    results.add(new TableResult(table.name(), ours.rows(), theirs.rows(), ours.hex(), theirs.hex()));
                }
            } finally {
                c.rollback();
            }
        }
        progress.done();
        return results;
    }

    private TableDigest digest(Connection c, LedgerTables.Table table) throws SQLException {
        RowReader reader = new RowReader(target.dialect(), table);
        TableDigest digest = new TableDigest(table);
        List<Offense> offenses = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.setFetchSize(batchSize);
            try (ResultSet rows = s.executeQuery(reader.select())) {
                while (rows.next()) {
                    Object[] values = reader.read(rows, offenses::add);
                    refuse(offenses);
                    digest.add(values);
                    tick(digest.rows());
                }
            }
        }
        progress.advance(digest.rows() % 1000);
        return digest;
    }
}
