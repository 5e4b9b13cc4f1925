package com.tradevault.core.db;

import com.tradevault.core.key.ResolvedKey;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code setup-db}: creates the ledger if missing and brings its schema to
 * this bundle's version. Idempotent: a second run changes nothing. Before
 * migrating a ledger that already has a schema, a consistent snapshot is set
 * aside with a timestamp.
 */
public final class SettingUpDatabase {

    private final OpeningDatabases opening;
    private final Clock clock;

    private final List<String> extraLocations;

    public SettingUpDatabase(OpeningDatabases opening, Clock clock) {
        this(opening, clock, List.of());
    }

    /** With further migration locations: for migration tests only. */
    SettingUpDatabase(OpeningDatabases opening, Clock clock, List<String> extraLocations) {
        this.opening = opening;
        this.clock = clock;
        this.extraLocations = List.copyOf(extraLocations);
    }

    /**
     * What {@code setup-db} did.
     *
     * @param from         schema version before
     * @param to           schema version after
     * @param generatedKey the key generated for a new ledger, if one was
     * @param snapshot     where the pre-migration snapshot went, if one was taken
     * @param snapshotSkipped why no snapshot could be taken, if that was the case
     */
    public record Report(int from, int to, Optional<ResolvedKey> generatedKey, Optional<Path> snapshot,
                         Optional<String> snapshotSkipped) {
        public boolean changed() {
            return from != to;
        }
    }

    public Report run() {
        OpeningDatabases.Created created = opening.openOrCreate();
        try (Database db = created.database(); InstanceLock lock = db.dialect().lockForWriting(db)) {
            SchemaMigrations migrations = new SchemaMigrations(db, extraLocations);
            SchemaMigrations.Versions before = migrations.versions();
            migrations.refuseNewer(before);
            if (before.upToDate()) {
                return new Report(before.current(), before.current(), created.generatedKey(), Optional.empty(),
                        Optional.empty());
            }
            Optional<Path> snapshot = Optional.empty();
            Optional<String> skipped = Optional.empty();
            if (before.current() > 0) {
                snapshot = db.dialect().maintenance()
                        .snapshot(db, "before-upgrade-from-v" + before.current(), clock.instant());
                skipped = snapshot.isPresent() ? Optional.empty()
                        : Optional.of(db.dialect().name() + ": take a pg_dump yourself before upgrading");
            }
            migrations.migrate();
            return new Report(before.current(), migrations.versions().current(), created.generatedKey(), snapshot,
                    skipped);
        }
    }
}
