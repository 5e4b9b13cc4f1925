package com.tradevault.app.crash;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the bot process at random moments while the price moves, the
 * exchange perturbed while it is down, then restart, startup reconciliation
 * and the invariant. {@code -Dcrash.iterations=500} makes it the soak
 * (bench/crash-soak.sh); {@code -Dcrash.seed} replays a run.
 */
class RandomKillsIT {

    @TempDir
    Path dir;

    @Test
    void invariantHoldsAfterEveryRandomKillAndRestart() throws Exception {
        int iterations = Integer.getInteger("crash.iterations", 36);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        try (Rig rig = new Rig(dir)) {
            CrashLoop loop = new CrashLoop(rig, seed);
            loop.randomKills(iterations);
            System.out.println(loop.summary() + " (seed " + seed + ")");
        }
    }
}
