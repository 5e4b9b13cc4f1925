package com.tradevault.backup.pgp;

import java.util.Arrays;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;

/** What opens a backup: its passphrase, or the private key it was encrypted to. */
public sealed interface OpeningKey permits OpeningKey.Passphrase, OpeningKey.PrivateKeys {

    /** Where the key came from, for messages (never the key itself). */
    String source();

    /** The passphrase a backup was encrypted with. */
    record Passphrase(char[] chars, String source) implements OpeningKey {
        @Override
        public boolean equals(Object o) {
            return o instanceof Passphrase p && Arrays.equals(chars, p.chars);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(chars);
        }

        @Override
        public String toString() {
            return "Passphrase[redacted, from " + source + "]";
        }
    }

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
