package com.tradevault.app.ledger;

/**
 * The bot's ledger: orders, fills, positions, decisions and the audit log,
 * changed only inside transactions so that a crash leaves either all of a
 * change or none of it. Adapter: {@code ledger/jdbc} (SQLite/SQLCipher and
 * PostgreSQL through the same code).
 */
public interface Ledger {

    /**
     * Runs {@code work} in one committed write transaction; when it throws,
     * nothing of it is kept.
     */
    <T> T transaction(LedgerWork<T> work);

    /** Runs read-only {@code work} on its own connection, beside a running writer (for {@code status}). */
    <T> T read(LedgerWork<T> work);

    /** Work done with a ledger session. */
    @FunctionalInterface
    interface LedgerWork<T> {
        T run(LedgerSession session);
    }
}
