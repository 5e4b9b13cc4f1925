package com.tradevault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.Progress;
import com.tradevault.core.db.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup taken while another process commits continuously finishes, and the writer keeps committing meanwhile. */
class HotBackupIT {

    @TempDir
    Path dir;

    @Test
    void backupFinishesUnderAContinuouslyCommittingWriterInAnotherProcess() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        f.addTrades(20_000);
        Path stop = dir.resolve("stop");
        Path latencies = dir.resolve("latencies.txt");
        Process writer = startWriter(f, stop, latencies);
        long backupStart;
        long backupEnd;
        TakingBackups.Report report;
        try {
            awaitReady(writer);
            Thread.sleep(500);
            backupStart = System.nanoTime();
            report = f.taking(java.time.Clock.systemUTC()).take(Optional.empty(), Progress.NONE);
            backupEnd = System.nanoTime();
            Thread.sleep(500);
        } finally {
            Files.writeString(stop, "stop");
            assertTrue(writer.waitFor(60, TimeUnit.SECONDS), "writer did not stop");
        }
        assertEquals(0, writer.exitValue(), new String(writer.getErrorStream().readAllBytes()));

        List<long[]> commits = Files.readAllLines(latencies).stream()
                .map(l -> l.split(" ")).map(p -> new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])}).toList();
        long during = commits.stream().filter(c -> c[0] > backupStart && c[0] + c[1] < backupEnd).count();
        assertTrue(report.verifiedEndToEnd());
        assertTrue(during > 10, "the writer committed only " + during + " times during the backup");
        long snapshotOrders = report.manifest().rowCounts().get("orders");
        assertTrue(snapshotOrders >= 20_000 && snapshotOrders < 20_000 + commits.size(), "orders in snapshot: " + snapshotOrders);
        Map<String, Long> counts = report.manifest().rowCounts();
        assertEquals(counts.get("orders"), counts.get("fills"), "a snapshot never holds half a transaction");
        assertEquals(counts.get("orders"), counts.get("positions"));

        new RestoringBackups(f.opening, java.time.Clock.systemUTC()).restore(report.file(),
                f.keys.opening(Optional.empty()), Optional.of(dir.resolve("restored.db")), Progress.NONE);
        try (Database db = f.opening.openExisting(); Connection c = db.connect()) {
            assertTrue(com.tradevault.core.db.RowCounts.of(c).get("orders") > snapshotOrders);
        }
    }

    private static Process startWriter(LedgerFixture f, Path stop, Path latencies) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommittingWriter.class.getName(), stop.toString(),
                latencies.toString());
        pb.environment().putAll(f.env);
        return pb.start();
    }

    private static void awaitReady(Process writer) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(writer.getInputStream()));
        String line = r.readLine();
        if (!"ready".equals(line)) {
            throw new IllegalStateException("writer did not start: " + new String(writer.getErrorStream().readAllBytes()));
        }
    }
}
