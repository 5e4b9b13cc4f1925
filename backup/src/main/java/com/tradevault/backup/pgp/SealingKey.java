package com.tradevault.backup.pgp;

import java.util.Arrays;
import org.bouncycastle.openpgp.PGPPublicKey;

/** What a backup is encrypted with: a passphrase, or a recipient's public key. */
public sealed interface SealingKey permits SealingKey.Passphrase, SealingKey.Recipient {

    /** A symmetric passphrase (OpenPGP SKESK, iterated and salted S2K with SHA-256). */
    record Passphrase(char[] chars, String source) implements SealingKey {
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

    /** An OpenPGP public (encryption) key: the writer cannot read what it writes. */
    record Recipient(PGPPublicKey key, String source) implements SealingKey {
        @Override
        public String toString() {
            return "Recipient[key " + Long.toHexString(key.getKeyID()).toUpperCase() + " from " + source + "]";
        }
    }
}
