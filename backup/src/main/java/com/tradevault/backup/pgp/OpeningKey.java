package com.tradevault.backup.pgp;

import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;

/** What opens a backup: its passphrase, or the private key it was encrypted to. */
public sealed interface OpeningKey permits BackupPassphrase, OpeningKey.PrivateKeys {

    /** Where the key came from, for messages (never the key itself). */
    String source();

    /** Secret keys, unlocked with {@code passphrase} (empty for an unprotected key). */
    record PrivateKeys(PGPSecretKeyRingCollection keys, char[] passphrase, String source) implements OpeningKey {
        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "PrivateKeys[from " + source + "]";
        }
    }
}
