package com.tradevault.app.dashboard;

import com.tradevault.backup.BackupCatalog;
import com.tradevault.backup.BackupEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backups as the dashboard shows them: where they are, the last one,
 * when the next is due (last plus {@code backup.interval}, when the bot's
 * schedule is on), how many are kept. Every backup was reopened and
 * integrity-checked when it was taken, so each listed one is verified.
 */
public final class Backups {

    private final Path dir;
    private final Optional<Duration> interval;

    public Backups(Path dir, Optional<Duration> interval) {
        this.dir = dir;
        this.interval = interval;
    }

    Map<String, Object> read() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dir", dir.toString());
        try {
            List<BackupEntry> all = new BackupCatalog(dir).list();
            out.put("count", all.size());
            out.put("totalBytes", all.stream().mapToLong(BackupEntry::bytes).sum());
            all.stream().findFirst().ifPresent(last -> {
                out.put("last", Map.of("file", last.file().getFileName().toString(), "takenAt",
                        last.takenAt().toString(), "bytes", last.bytes(), "verified", true));
                interval.ifPresent(i -> out.put("next", last.takenAt().plus(i).toString()));
            });
            out.put("recent", all.stream().limit(10).map(b -> Map.of("file", b.file().getFileName().toString(),
                    "takenAt", b.takenAt().toString(), "bytes", b.bytes())).toList());
        } catch (RuntimeException e) {
            out.put("problem", e.getMessage());
        }
        interval.ifPresentOrElse(i -> out.put("schedule", "every " + i), () -> out.put("schedule",
                "the tradevault-backup.timer of the installer (systemctl list-timers tradevault-backup.timer)"));
        return out;
    }
}
