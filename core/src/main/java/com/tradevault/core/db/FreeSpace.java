package com.tradevault.core.db;

import com.tradevault.core.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks, before a command writes a large copy, that the disk has room for it; refuses with the numbers. */
public final class FreeSpace {

    private FreeSpace() {
    }

    /**
     * Fails unless {@code folder}'s file system has {@code needed} bytes free.
     *
     * @param doing    what needs the space, e.g. "vacuum"
     * @param why      how {@code needed} was reckoned, e.g. "twice the ledger's size"
     * @param nextStep what to do instead
     */
    public static void require(Path folder, long needed, String doing, String why, String nextStep) throws IOException {
        long free = Files.getFileStore(folder).getUsableSpace();
        if (free < needed) {
            throw new DatabaseProblem(Outcome.FAILURE, "not enough free space to " + doing + ": it needs " + needed
                    + " bytes in " + folder + " (" + why + "), and " + free + " bytes are free; nothing was changed",
                    nextStep);
        }
    }
}
