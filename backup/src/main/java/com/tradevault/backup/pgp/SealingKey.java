package com.tradevault.backup.pgp;

import org.bouncycastle.openpgp.PGPPublicKey;

/** What a backup is encrypted with: a passphrase, or a recipient's public key. */
public sealed interface SealingKey permits BackupPassphrase, SealingKey.Recipient {

    /** An OpenPGP public (encryption) key: the writer cannot read what it writes. */
    record Recipient(PGPPublicKey key, String source) implements SealingKey {
        @Override
        public String toString() {
            return "Recipient[key " + Long.toHexString(key.getKeyID()).toUpperCase() + " from " + source + "]";
        }
    }
}
