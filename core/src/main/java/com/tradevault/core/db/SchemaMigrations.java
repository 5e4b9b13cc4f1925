package com.tradevault.core.db;

import com.tradevault.core.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * The ledger's versioned, forward-only migrations (Flyway), the same versions
 * for both dialects. A database whose schema is newer than this bundle is
 * refused, never touched.
 */
public final class SchemaMigrations {

    private final Database database;
    private final List<String> locations;
    private Flyway flyway;

    public SchemaMigrations(Database database) {
        this(database, List.of());
    }

    /** With further migration locations after the dialect's own: for migration tests only. */
    public SchemaMigrations(Database database, List<String> extraLocations) {
        this.database = database;
        this.locations = new ArrayList<>();
        locations.add(database.dialect().migrationLocation());
        locations.addAll(extraLocations);
    }

    /** Flyway, configured on first use only: loading and configuring it is most of a command's start. */
    private Flyway flyway() {
        if (flyway == null) {
            flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                    .dataSource(database.dataSource())
                    .locations(locations.toArray(String[]::new))
                    .cleanDisabled(true)
                    .validateMigrationNaming(true)
                    .outOfOrder(false)
                    .load();
        }
        return flyway;
    }

    /**
     * The schema version the database is at, and the newest this bundle knows.
     *
     * @param current 0 for an empty database
     * @param latest  the newest migration in this bundle
     * @param newer   whether the database carries migrations this bundle does not know
     */
    public record Versions(int current, int latest, boolean newer) {
        public boolean upToDate() {
            return current == latest && !newer;
        }
    }

    /**
     * The versions, from one query of the history table when it lists exactly the bundled
     * migrations (the common case: every start of an up-to-date ledger), otherwise from Flyway.
     */
    public Versions versions() {
        return upToDateWithoutFlyway().orElseGet(this::versionsFromFlyway);
    }

    private Optional<Versions> upToDateWithoutFlyway() {
        if (locations.size() != 1) {
            return Optional.empty();
        }
        return BundledMigrations.at(locations.get(0))
                .filter(bundled -> !bundled.isEmpty() && SchemaHistory.matchesExactly(database, bundled))
                .map(bundled -> {
                    int latest = bundled.get(bundled.size() - 1).version();
                    return new Versions(latest, latest, false);
                });
    }

    /** The versions as Flyway reads them (class path scan and all): the path taken whenever the history differs. */
    Versions versionsFromFlyway() {
        try {
            MigrationInfoService info = flyway().info();
            int latest = Arrays.stream(info.all())
                    .filter(i -> i.getState() != MigrationState.FUTURE_SUCCESS && i.getState() != MigrationState.FUTURE_FAILED)
                    .mapToInt(SchemaMigrations::number).max().orElse(0);
            MigrationInfo current = info.current();
            int currentNumber = current == null ? 0 : number(current);
            return new Versions(currentNumber, latest, currentNumber > latest);
        } catch (FlywayException e) {
            throw DatabaseProblem.failed("reading the schema version", database.dialect().location(), e);
        }
    }

    private static int number(MigrationInfo info) {
        return Optional.ofNullable(info.getVersion()).map(v -> Integer.parseInt(v.getVersion())).orElse(0);
    }

    /** Refuses, with both versions named, a database that is newer than this bundle. */
    void refuseNewer(Versions v) {
        if (v.newer()) {
            throw new DatabaseProblem(Outcome.FAILURE, "ledger " + database.dialect().location() + " has schema v"
                    + v.current() + ", newer than this bundle (v" + v.latest() + ")",
                    "run the tradevault version that created it, or upgrade this bundle; nothing was changed");
        }
    }

    /** Refuses a database that is not at exactly this bundle's version. */
    public Versions requireCurrent() {
        Versions v = versions();
        refuseNewer(v);
        if (!v.upToDate()) {
            throw new DatabaseProblem(Outcome.FAILURE, "ledger " + database.dialect().location() + " is at schema v"
                    + v.current() + " but this bundle needs v" + v.latest(), "run 'tradevault setup-db' first");
        }
        return v;
    }

    /** Applies every pending migration. */
    public void migrate() {
        try {
            flyway().migrate();
        } catch (FlywayException e) {
            throw DatabaseProblem.failed("migrating the schema", database.dialect().location(), e);
        }
    }
}
