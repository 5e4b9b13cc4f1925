package com.tradevault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheLastNThenOnePerDayThenOnePerWeek() {
        List<BackupEntry> backups = new ArrayList<>();
        Instant newest = Instant.parse("2026-11-21T18:00:00Z");
        for (int h = 0; h < 24 * 60; h += 6) {
            backups.add(entry(newest.minus(Duration.ofHours(h))));
        }

        Retention.Plan plan = new Retention(3, 4, 3).plan(backups);

        assertEquals(List.of("2026-11-21T18:00:00Z", "2026-11-21T12:00:00Z", "2026-11-21T06:00:00Z",
                        "2026-11-20T18:00:00Z", "2026-11-19T18:00:00Z", "2026-11-18T18:00:00Z",
                        "2026-11-15T18:00:00Z", "2026-11-08T18:00:00Z"),
                plan.keep().stream().map(e -> e.takenAt().toString()).toList());
        assertEquals(backups.size() - 8, plan.delete().size());
    }

    @Test
    void aBotThatStoppedForAMonthKeepsItsLastBackups() {
        List<BackupEntry> backups = List.of(entry(Instant.parse("2026-09-01T00:00:00Z")),
                entry(Instant.parse("2026-09-02T00:00:00Z")), entry(Instant.parse("2026-09-03T00:00:00Z")));

        assertEquals(3, new Retention(1, 14, 0).plan(backups).keep().size());
    }

    @Test
    void pruneDeletesOnlyFilesNamedLikeBackups() throws Exception {
        for (String name : List.of("tradevault-20261119T000000Z.tar.gpg", "tradevault-20261120T000000Z.tar.gpg",
                "tradevault-20261121T000000Z.tar.gpg", "tradevault-20261121T000000Z-2.tar.gpg", "my-notes.txt")) {
            Files.writeString(dir.resolve(name), "x");
        }

        Retention.Plan dry = new BackupCatalog(dir).prune(new Retention(1, 0, 0), true);
        assertEquals(5, BackupAndRestoreTest.listDir(dir).size());
        Retention.Plan done = new BackupCatalog(dir).prune(new Retention(1, 0, 0), false);

        assertEquals(dry, done);
        assertEquals(List.of(dir.resolve("my-notes.txt"), dir.resolve("tradevault-20261121T000000Z-2.tar.gpg")),
                BackupAndRestoreTest.listDir(dir));
    }

    private BackupEntry entry(Instant t) {
        return new BackupEntry(dir.resolve("tradevault-" + com.tradevault.core.AtomicFiles.stamp(t) + ".tar.gpg"), t, 1, 1);
    }
}
