package com.tradevault.backup.replica;

import com.tradevault.core.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;

/**
 * When the replicator last had everything committed in the replica, kept beside the ledger as an
 * empty file's modification time (set every cycle, 5 times a second: a metadata write, never the
 * network). The replica's own position file records when something was last shipped, which says
 * nothing of an idle ledger: a commit after a quiet minute would look a minute behind until the
 * next cycle. Lag is counted from this mark instead.
 */
final class CaughtUpMark {

    private CaughtUpMark() {
    }

    static Path of(Path ledger) {
        return ledger.resolveSibling(ledger.getFileName() + ".replica-caught-up");
    }

    /** Records that everything committed before {@code at} is in the replica. */
    static void record(Path ledger, Instant at) throws IOException {
        Path mark = of(ledger);
        if (!Files.exists(mark)) {
            OwnerOnly.createFile(mark);
        }
        Files.setLastModifiedTime(mark, FileTime.from(at));
    }

    /** When the replicator was last caught up, if it ever was beside this ledger. */
    static Optional<Instant> read(Path ledger) throws IOException {
        Path mark = of(ledger);
        return Files.exists(mark) ? Optional.of(Files.getLastModifiedTime(mark).toInstant()) : Optional.empty();
    }
}
