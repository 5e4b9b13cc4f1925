package com.tradevault.backup.replica;

import java.io.IOException;

/**
 * The replica could not be written while the ledger's log grew to {@code replica.max-held-log}: the
 * replicator let the log go (the bot's own checkpoints keep it small again), so what is committed
 * until the replica is back is not in the replica; the next cycle that can write it begins a new
 * generation with a snapshot.
 */
public final class ReplicaLogReleased extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param maxHeldLog {@code replica.max-held-log} in bytes; @param cause why the replica could not be written */
    public ReplicaLogReleased(long maxHeldLog, IOException cause) {
        super("the ledger's log reached replica.max-held-log (" + (maxHeldLog >> 20) + " MiB) while the replica"
                + " could not be written (" + cause.getMessage() + "): the replicator let it go so it stops growing;"
                + " the replica misses what is committed until it can be written again, and then begins a new"
                + " generation with a snapshot", cause);
    }
}
