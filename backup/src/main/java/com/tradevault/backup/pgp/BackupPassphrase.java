package com.tradevault.backup.pgp;

import java.util.Arrays;

/**
 * A symmetric backup passphrase (OpenPGP SKESK, iterated and salted S2K with
 * SHA-256): it both seals a backup and opens it. Never printed.
 *
 * @param chars  the passphrase
 * @param source where it came from, for messages
 */
public record BackupPassphrase(char[] chars, String source) implements SealingKey, OpeningKey {

    @Override
    public boolean equals(Object o) {
        return o instanceof BackupPassphrase p && Arrays.equals(chars, p.chars);
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
