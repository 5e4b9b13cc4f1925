package com.tradevault.backup.replica;

import com.tradevault.backup.BackupProblem;
import com.tradevault.core.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads a replica's newest usable generation: chooses its snapshot, checks
 * that the segments after it are all there and authentic, and replays them.
 */
final class ReplicaChain {

    private static final String SEGMENT_SUFFIX = ".segment";

    private final ReplicaStore store;
    private final ReplicaKey key;
    private final Optional<Instant> at;

    ReplicaChain(ReplicaStore store, ReplicaKey key, Optional<Instant> at) {
        this.store = store;
        this.key = key;
        this.at = at;
    }

    RestoringReplica.Rebuilt rebuild(Path temp) throws IOException {
        List<String> generations = store.generations();
        for (int i = generations.size() - 1; i >= 0; i--) {
            Optional<ReplicaFile> snapshot = snapshot(generations.get(i), temp);
            if (snapshot.isPresent()) {
                return replay(generations.get(i), snapshot.get(), temp);
            }
        }
        throw new BackupProblem(Outcome.FAILURE, "the replica " + store.location() + " holds no snapshot"
                + at.map(t -> " taken at or before " + t).orElse(""), "check replica.url, or that 'tradevault"
                + " replicate' ran; else restore a backup with 'tradevault restore FILE'");
    }

    /** The generation's newest snapshot taken no later than {@code at}, written out to {@code temp}. */
    private Optional<ReplicaFile> snapshot(String generation, Path temp) throws IOException {
        List<String> names = store.files(generation).stream().filter(n -> n.startsWith("snapshot-")).toList();
        for (int i = names.size() - 1; i >= 0; i--) {
            ReplicaFile s = openSnapshot(generation, names.get(i), temp);
            if (at.isEmpty() || !s.time().isAfter(at.get())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private ReplicaFile openSnapshot(String generation, String name, Path temp) throws IOException {
        Path sealed = temp.resolveSibling(temp.getFileName() + ".sealed");
        try {
            if (!store.download(generation, name, sealed)) {
                throw damaged(generation, name, "is missing");
            }
            return checked(generation, name, SealedFiles.open(sealed, temp, key));
        } catch (ReplicaFile.Unreadable e) {
            throw damaged(generation, name, "cannot be used: " + e.getMessage());
        } finally {
            java.nio.file.Files.deleteIfExists(sealed);
        }
    }

    private RestoringReplica.Rebuilt replay(String generation, ReplicaFile snapshot, Path temp) throws IOException {
        List<Long> numbers = store.files(generation).stream().filter(n -> n.endsWith(SEGMENT_SUFFIX))
                .map(n -> Long.parseLong(n.substring(0, n.length() - SEGMENT_SUFFIX.length())))
                .filter(n -> n > snapshot.index()).sorted().toList();
        Instant point = snapshot.time();
        long expected = snapshot.index() + 1;
        for (long n : numbers) {
            if (n != expected) {
                throw damaged(generation, ReplicaFile.name(ReplicaFile.SEGMENT, expected), "is missing (segment "
                        + n + " follows)");
            }
            ReplicaFile segment = open(generation, ReplicaFile.name(ReplicaFile.SEGMENT, n));
            if (at.isPresent() && segment.time().isAfter(at.get())) {
                break;
            }
            RestoringReplica.apply(temp, segment);
            point = segment.time();
            expected++;
        }
        return new RestoringReplica.Rebuilt(point, expected - snapshot.index() - 1);
    }

    private ReplicaFile open(String generation, String name) throws IOException {
        byte[] data = store.read(generation, name).orElseThrow(() -> damaged(generation, name, "is missing"));
        try {
            return checked(generation, name, ReplicaFile.open(data, key));
        } catch (ReplicaFile.Unreadable e) {
            throw damaged(generation, name, "cannot be used: " + e.getMessage());
        }
    }

    /** A file whose tag holds but that names another place was moved there: refused. */
    private ReplicaFile checked(String generation, String name, ReplicaFile f) {
        if (!f.generation().equals(generation) || !f.name().equals(name)) {
            throw damaged(generation, name, "holds " + f.generation() + "/" + f.name() + ": it was moved");
        }
        return f;
    }

    private BackupProblem damaged(String generation, String name, String what) {
        return new BackupProblem(Outcome.INTEGRITY_PROBLEM, "replica file " + generation + "/" + name + " in "
                + store.location() + " " + what + "; nothing was restored and the current ledger is unchanged",
                "restore from an earlier point with --at (before that segment), or from a backup ('tradevault restore"
                        + " FILE'); see docs/backup-restore.md");
    }
}
