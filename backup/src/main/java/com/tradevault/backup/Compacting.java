package com.tradevault.backup;

import com.tradevault.core.Outcome;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.FreeSpace;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.OpeningDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@code VACUUM}: rebuilds the ledger without free pages, in place (which
 * needs the ledger to itself: refused while the bot runs) or into a new file
 * (a compact copy, encrypted like the ledger, taken without stopping the
 * bot). Checks the free space first and refuses with the numbers.
 */
public final class Compacting {

    private final OpeningDatabases opening;

    public Compacting(OpeningDatabases opening) {
        this.opening = opening;
    }

    /**
     * What a vacuum did.
     *
     * @param before size before, bytes (with the WAL)
     * @param after  size after: of the ledger, or of the new file
     * @param into   the new file, if one was written
     */
    public record Report(long before, long after, Optional<Path> into) {
    }

    public Report vacuum(Optional<Path> into) {
        Optional<Path> target = into.map(p -> p.toAbsolutePath().normalize());
        try (Database db = opening.openExisting()) {
            long before = db.dialect().sizeBytes(db);
            checkSpace(db, before, target);
            if (target.isPresent()) {
                refuseExisting(target.get());
                compact(db, target);
                return new Report(before, Files.size(target.get()), target);
            }
            try (InstanceLock lock = db.dialect().lockForWriting(db)) {
                compact(db, target);
            }
            return new Report(before, db.dialect().sizeBytes(db), target);
        } catch (SQLException | IOException e) {
            // a copy that cannot be written is about the copy's folder, not the ledger's
            throw target.map(t -> DatabaseProblem.failed("writing a compact copy", t.toString(), e))
                    .orElseGet(() -> DatabaseProblem.failed("vacuum", opening.dialect().location(), e));
        }
    }

    private static void compact(Database db, Optional<Path> into) throws SQLException, IOException {
        try (Connection c = db.connect()) {
            db.dialect().maintenance().compact(c, into);
        }
    }

    private static void checkSpace(Database db, long size, Optional<Path> into) throws IOException {
        Optional<Path> where = into.map(Path::getParent).or(() -> db.dialect().file().map(Path::getParent));
        long needed = db.dialect().maintenance().spaceToCompact(size, into.isPresent());
        if (where.isEmpty() || needed == 0) {
            return;
        }
        FreeSpace.require(where.get(), needed, "vacuum", into.isPresent() ? "the ledger's size" : "twice the ledger's size",
                "free some space there, or write a compact copy to another disk with --into FILE");
    }

    private static void refuseExisting(Path into) {
        if (Files.exists(into)) {
            throw new BackupProblem(Outcome.FAILURE, into + " already exists; refusing to overwrite it",
                    "choose another --into path, or move that file away yourself");
        }
    }
}
