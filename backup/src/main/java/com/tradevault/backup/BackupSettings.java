package com.tradevault.backup;

import com.tradevault.core.config.DbSettings;
import com.tradevault.core.config.Durations;
import com.tradevault.core.config.SettingsReader;
import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code backup} settings, read once.
 *
 * @param dir              where backups go
 * @param passphraseFile   the passphrase file, if configured (else the default one next to the database key)
 * @param recipientKeyFile the OpenPGP public key backups are encrypted to, if configured
 * @param retention        what {@code prune} keeps
 * @param interval         how often the running bot backs up by itself; empty: never
 */
public record BackupSettings(Path dir, Optional<Path> passphraseFile, Optional<Path> recipientKeyFile,
                             Retention retention, Optional<Duration> interval) {

    /** Environment variables of this module and the settings they override. */
    public static final Map<String, String> ENV_OVERRIDES = Map.of(
            "TRADEVAULT_BACKUP_DIR", "backup.dir",
            "TRADEVAULT_BACKUP_PASSPHRASE_FILE", "backup.passphrase-file");

    /** Reads the {@code backup} section, collecting problems in {@code reader}. */
    public static BackupSettings read(SettingsReader reader, DbSettings db) {
        Path dir = reader.optionalPath("backup.dir").map(p -> p.toAbsolutePath().normalize())
                .orElse(db.dataDir().resolve("backups"));
        Retention retention = new Retention(reader.intBetween("backup.retention.keep-last", 1, 10_000),
                reader.intBetween("backup.retention.keep-daily", 0, 10_000),
                reader.intBetween("backup.retention.keep-weekly", 0, 10_000));
        return new BackupSettings(dir, absolute(reader.optionalPath("backup.passphrase-file")),
                absolute(reader.optionalPath("backup.recipient-key-file")), retention, interval(reader));
    }

    /** Reads and checks the settings, failing with every problem at once. */
    public static BackupSettings from(Config config, DbSettings db) {
        SettingsReader reader = new SettingsReader(config);
        BackupSettings settings = read(reader, db);
        reader.throwIfProblems();
        return settings;
    }

    private static Optional<Path> absolute(Optional<Path> path) {
        return path.map(p -> p.toAbsolutePath().normalize());
    }

    private static Optional<Duration> interval(SettingsReader reader) {
        String text = reader.string("backup.interval").trim();
        if (text.isEmpty() || text.equals("off") || text.equals("false")) {
            return Optional.empty();
        }
        Optional<Duration> parsed = Durations.parseBetween(text, Duration.ofMinutes(1), Duration.ofDays(365));
        if (parsed.isEmpty()) {
            return reader.problem("backup.interval", "must be off or a duration from 1m to 365d, such as 6h",
                    Optional.empty());
        }
        return parsed;
    }
}
