package com.tradevault.core.db;

import com.tradevault.core.AtomicFiles;
import com.tradevault.core.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The mark a restore leaves beside the ledger ({@code tradevault.db.restoring},
 * holding the backup's path) from before it touches the ledger until the
 * restored file is in place. While it exists the ledger may be the old file
 * without its WAL (that is set aside with it), so nothing opens the ledger,
 * {@code setup-db} creates nothing, and each says to run the same
 * {@code restore} again, which finishes the job.
 */
public final class InterruptedRestore {

    private InterruptedRestore() {
    }

    /** The mark's path for the ledger {@code ledger}. */
    static Path markOf(Path ledger) {
        return ledger.resolveSibling(ledger.getFileName() + ".restoring");
    }

    /**
     * What the mark holds: the backup being restored, and where the previous
     * ledger is set aside (absent when there was none).
     */
    public record Mark(Path backup, Optional<Path> aside) {
    }

    /** Writes the mark (atomically, fsynced) before a restore changes anything beside {@code ledger}. */
    public static void begin(Path ledger, Mark mark) throws IOException {
        String text = mark.backup().toAbsolutePath() + "\n" + mark.aside().map(Path::toString).orElse("") + "\n";
        AtomicFiles.write(markOf(ledger), temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
    }

    /** Removes the mark once the restored ledger is in place. */
    public static void finish(Path ledger) throws IOException {
        Files.deleteIfExists(markOf(ledger));
        AtomicFiles.fsyncDirectory(ledger.toAbsolutePath().getParent());
    }

    /** The mark of an interrupted restore into {@code ledger}, if one was interrupted. */
    public static Optional<Mark> read(Path ledger) {
        Path mark = markOf(ledger);
        if (!Files.exists(mark)) {
            return Optional.empty();
        }
        try {
            String[] lines = (Files.readString(mark, StandardCharsets.UTF_8) + "\n\n").split("\n", -1);
            return Optional.of(new Mark(Path.of(lines[0].strip()),
                    lines[1].isBlank() ? Optional.empty() : Optional.of(Path.of(lines[1].strip()))));
        } catch (IOException | RuntimeException e) {
            return Optional.of(new Mark(Path.of("FILE"), Optional.empty()));
        }
    }

    /** Fails (exit 1) with the exact command that finishes an interrupted restore, if there is one. */
    public static void refuseIfInterrupted(Path ledger) {
        read(ledger).map(Mark::backup).ifPresent(backup -> {
            throw new DatabaseProblem(Outcome.FAILURE, "a restore of " + backup + " into " + ledger
                    + " was interrupted (" + markOf(ledger) + " is still there); the ledger must not be used"
                    + " until it is finished", "run 'tradevault restore " + backup + "' again to finish it");
        });
    }
}
