package com.tradevault.core.db;

/**
 * Proof that this process is the only one writing the ledger. Held until
 * closed or until the process dies (the operating system or the database
 * server releases it then, even after {@code kill -9}).
 */
public interface InstanceLock extends AutoCloseable {

    @Override
    void close();
}
