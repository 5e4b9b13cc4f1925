package com.tradevault.app.crash;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The soak: any number of random kill/restart iterations, with the same
 * checks as {@link RandomKillsIT}, printing one summary line. Run by
 * {@code bench/crash-soak.sh ITERATIONS [SEED]}; the work directory is kept
 * when a check fails, for the logs.
 */
public final class CrashSoak {

    private CrashSoak() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
        Path dir = Files.createTempDirectory("tradevault-soak-");
        System.out.println("soak: " + iterations + " iterations, seed " + seed + ", work dir " + dir);
        try (Rig rig = new Rig(dir)) {
            CrashLoop loop = new CrashLoop(rig, seed);
            try {
                loop.randomKills(iterations, 25);
            } finally {
                System.out.println(loop.summary());
                System.out.println("accounting: " + rig.accounting());
            }
        }
        System.exit(0);
    }
}
