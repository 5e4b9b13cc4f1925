package com.tradevault.backup.replica;

import com.tradevault.backup.BackupProblem;
import com.tradevault.core.AtomicFiles;
import com.tradevault.core.db.OpeningDatabases;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the ledger is safely in the replica: the point the replicator last recorded in the
 * newest generation, provided that generation's snapshot authenticates under the ledger's key.
 * Retention folds rows that are in the replica up to here, as it does those in a verified backup.
 * Each snapshot is downloaded and authenticated once per process, then remembered.
 */
public final class ReplicaCoverage {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaCoverage.class);

    private final ReplicaStore store;
    private final ReplicaKey key;
    private final Path scratch;
    private final Set<String> authenticated = new HashSet<>();

    private ReplicaCoverage(ReplicaStore store, ReplicaKey key, Path scratch) {
        this.store = store;
        this.key = key;
        this.scratch = scratch;
    }

    /**
     * The verified points of the replica {@code settings} configure, for the SQLite ledger
     * {@code opening} opens (snapshots are checked in a temporary file beside it); always empty
     * without a replica, a key, or with a {@code replica.url} that cannot be used (logged).
     */
    public static Supplier<Optional<Instant>> verifiedPointsOf(ReplicaSettings settings, OpeningDatabases opening) {
        Optional<Path> ledger = opening.dialect().file();
        if (settings.url().isEmpty() || ledger.isEmpty() || opening.key().isEmpty()) {
            return Optional::empty;
        }
        try {
            return new ReplicaCoverage(ReplicaStores.at(settings.url().get()),
                    ReplicaKey.derivedFrom(opening.key().get().key()), ledger.get())::quietlyVerifiedPoint;
        } catch (BackupProblem e) {
            LOG.warn("retention: the replica cannot bound folding: {}", e.getMessage());
            return Optional::empty;
        }
    }

    /**
     * The instant up to which every commit was shipped to an authenticated generation; empty when
     * the replica is empty, unreachable or its snapshot does not authenticate (logged, never thrown:
     * retention then simply keeps the rows).
     */
    public Optional<Instant> quietlyVerifiedPoint() {
        try {
            return verifiedPoint();
        } catch (IOException | RuntimeException e) {
            LOG.warn("retention: the replica {} cannot bound folding now: {}", store.location(), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Instant> verifiedPoint() throws IOException {
        List<String> generations = store.generations();
        if (generations.isEmpty()) {
            return Optional.empty();
        }
        String generation = generations.get(generations.size() - 1);
        Map<String, String> position = ReplicaStatus.position(store, generation);
        if (!position.containsKey("time") || !authentic(generation)) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(position.get("time"))));
    }

    /** Whether the generation's first snapshot is there and its tag holds under the ledger's key. */
    private boolean authentic(String generation) throws IOException {
        Optional<String> snapshot = store.files(generation).stream().filter(n -> n.startsWith("snapshot-")).findFirst();
        if (snapshot.isEmpty()) {
            return false;
        }
        String id = generation + "/" + snapshot.get();
        if (!authenticated.contains(id) && opens(generation, snapshot.get())) {
            authenticated.add(id);
        }
        return authenticated.contains(id);
    }

    private boolean opens(String generation, String name) throws IOException {
        Path sealed = AtomicFiles.tempBeside(scratch, "replica-check-sealed");
        Path body = AtomicFiles.tempBeside(scratch, "replica-check");
        try {
            ReplicaFile f = store.download(generation, name, sealed) ? SealedFiles.open(sealed, body, key) : null;
            return f != null && f.generation().equals(generation) && f.name().equals(name);
        } catch (ReplicaFile.Unreadable e) {
            LOG.warn("retention: replica file {}/{} in {} does not authenticate: {}", generation, name,
                    store.location(), e.getMessage());
            return false;
        } finally {
            AtomicFiles.deleteQuietly(sealed);
            AtomicFiles.deleteQuietly(body);
        }
    }
}
