package com.tradevault.backup;

import com.tradevault.core.Progress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Takes one backup in its own process (ledger and key from the environment), so a test can kill it with -9. */
public final class BackupOnce {

    public static void main(String[] args) throws Exception {
        LedgerFixture f = LedgerFixture.withEnv(Path.of(args[0]), System.getenv());
        f.taking(Clock.systemUTC()).take(Optional.empty(), Progress.NONE);
    }
}
