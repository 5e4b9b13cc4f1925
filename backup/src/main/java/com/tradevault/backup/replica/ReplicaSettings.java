package com.tradevault.backup.replica;

import com.tradevault.core.config.SettingsReader;
import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code replica} settings, read once.
 *
 * @param url              where the replica goes; empty: no replication
 * @param snapshotInterval how often a fresh snapshot is shipped
 * @param maxLag           the lag over which {@code replica status} reports a problem
 * @param keepGenerations  how many generations (a snapshot and its segments) are kept
 * @param sftp             the key, known hosts and timeout of an {@code sftp://} replica
 * @param maxHeldLog       how long (bytes) the ledger's log may grow, held for a replica that cannot
 *                         be written, before the replicator lets it go and later starts afresh
 */
public record ReplicaSettings(Optional<String> url, Duration snapshotInterval, Duration maxLag, int keepGenerations,
                              SftpAccess sftp, long maxHeldLog) {

    /** The default of {@code replica.max-held-log}. */
    public static final long DEFAULT_MAX_HELD_LOG = 512L << 20;

    /** Reads and checks the {@code replica} section, failing with every problem at once. */
    public static ReplicaSettings from(Config config) {
        SettingsReader reader = new SettingsReader(config);
        String url = reader.string("replica.url").trim();
        ReplicaSettings settings = new ReplicaSettings(url.isEmpty() ? Optional.empty() : Optional.of(url),
                reader.durationBetween("replica.snapshot-interval", Duration.ofMinutes(1), Duration.ofDays(7)),
                reader.durationBetween("replica.max-lag", Duration.ofSeconds(1), Duration.ofDays(1)),
                reader.intBetween("replica.retention.generations", 1, 1000),
                new SftpAccess(reader.optionalPath("replica.ssh-key"), reader.optionalPath("replica.known-hosts"),
                        reader.durationBetween("replica.timeout", Duration.ofSeconds(1), Duration.ofMinutes(10))),
                reader.bytesBetween("replica.max-held-log", 1L << 20, 1L << 40));
        reader.throwIfProblems();
        return settings;
    }
}
