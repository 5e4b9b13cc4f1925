package com.tradevault.core.migrate;

import com.tradevault.core.Progress;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.db.RowSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * The verification's reading: tables of one database read in slices on
 * several connections, through the dialect's bulk reader where it has one,
 * each row checksummed ({@link TableDigest}) with its JSON in canonical form,
 * as the copy checksums the source.
 */
final class ReadingBack {

    private final Database database;
    private final int batchSize;
    private final RowTally tally;

    ReadingBack(Database database, int batchSize, Progress progress) {
        this.database = database;
        this.batchSize = batchSize;
        this.tally = new RowTally(progress);
    }

    /** The checksum of each of {@code tables}, read in slices on several connections. */
    Map<String, TableDigest> digests(List<LedgerTables.Table> tables) throws SQLException {
        Map<String, TableDigest> digests = new LinkedHashMap<>();
        try (SliceReaders back = SliceReaders.open(database, LedgerCopy.READERS)) {
            for (LedgerTables.Table table : tables) {
                List<Future<TableDigest>> parts = back.submit(Slice.of(back.first(), table, back.size()), this::digest);
                TableDigest theirs = new TableDigest(table);
                for (Future<TableDigest> part : parts) {
                    theirs.merge(SliceReaders.await(part));
                }
                digests.put(table.name(), theirs);
            }
        }
        return digests;
    }

    private TableDigest digest(Connection c, Slice slice) throws SQLException {
        Optional<RowSource> bulk = database.dialect().bulkCopy().bulkReader(c, slice.table(), slice.where());
        if (bulk.isEmpty()) {
            return digestResultSet(c, slice);
        }
        TableDigest digest = new TableDigest(slice.table());
        JsonColumns json = new JsonColumns(slice.table());
        try (RowSource rows = bulk.get()) {
            for (Object[] values = rows.next(); values != null; values = rows.next()) {
                digest.add(json.canonical(values));
                tally.one();
            }
        }
        return digest;
    }

    private TableDigest digestResultSet(Connection c, Slice slice) throws SQLException {
        RowReader reader = new RowReader(database.dialect().values(), slice.table());
        TableDigest digest = new TableDigest(slice.table());
        List<Offense> offenses = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.setFetchSize(batchSize);
            try (ResultSet rows = s.executeQuery(slice.select())) {
                while (rows.next()) {
                    Object[] values = reader.read(rows, offenses::add);
                    if (!offenses.isEmpty()) {
                        throw new SQLException("cannot read back " + offenses.get(0).describe());
                    }
                    digest.add(values);
                    tally.one();
                }
            }
        }
        return digest;
    }
}
