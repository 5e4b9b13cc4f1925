package com.tradevault.backup.pgp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;

/** Reads OpenPGP key files, armored or binary, as {@code gpg --export} and {@code --export-secret-keys} write them. */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** The first encryption-capable public key in {@code file}, or empty when it holds none. */
    public static Optional<PGPPublicKey> encryptionKey(Path file) throws IOException {
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
            PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator());
            for (Iterator<PGPPublicKeyRing> r = rings.getKeyRings(); r.hasNext(); ) {
                for (Iterator<PGPPublicKey> k = r.next().getPublicKeys(); k.hasNext(); ) {
                    PGPPublicKey key = k.next();
                    if (key.isEncryptionKey() && !key.hasRevocation()) {
                        return Optional.of(key);
                    }
                }
            }
            return Optional.empty();
        } catch (PGPException | RuntimeException e) {
            throw new IOException("not an OpenPGP public key file (" + e.getMessage() + ")", e);
        }
    }

    /** The secret keys in {@code file}. */
    public static PGPSecretKeyRingCollection secretKeys(Path file) throws IOException {
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
            return new PGPSecretKeyRingCollection(in, new JcaKeyFingerprintCalculator());
        } catch (PGPException | RuntimeException e) {
            throw new IOException("not an OpenPGP private key file (" + e.getMessage() + ")", e);
        }
    }
}
