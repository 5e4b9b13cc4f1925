package com.tradevault.backup.pgp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.operator.PGPKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyKeyEncryptionMethodGenerator;

/**
 * Writes backups as OpenPGP messages that stock gpg 2.2 decrypts: AES-256 in
 * a symmetrically encrypted, integrity-protected packet (SEIPD v1 with MDC),
 * holding one binary literal packet, uncompressed. The bulk cipher runs on
 * the JDK's own provider (AES-NI, about 2.5x faster here than Bouncy
 * Castle's); Bouncy Castle's provider is used only for public-key steps.
 */
public final class BackupCipher {

    /** Bouncy Castle's JCA provider, used privately (never registered globally). */
    static final Provider BC = new BouncyCastleProvider();
    /** S2K iteration count byte 0xFF: 65011712 bytes hashed, as gpg does for strong passphrases. */
    private static final int S2K_COUNT = 0xFF;
    private static final int BUFFER = 1 << 16;
    /** The name gpg shows for the literal data: a tar archive. */
    public static final String INNER_NAME = "tradevault-backup.tar";

    private BackupCipher() {
    }

    /**
     * A stream whose bytes are encrypted for {@code key} into {@code target}.
     * Closing it finishes the OpenPGP message but leaves {@code target} open.
     */
    public static OutputStream encrypt(OutputStream target, SealingKey key) throws IOException {
        JcePGPDataEncryptorBuilder data = new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true).setSecureRandom(new SecureRandom());
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(data);
        generator.addMethod(method(key));
        try {
            OutputStream encrypted = generator.open(target, new byte[BUFFER]);
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            OutputStream plain = literal.open(encrypted, PGPLiteralData.BINARY, INNER_NAME, new Date(), new byte[BUFFER]);
            return new Layers(plain, literal, generator);
        } catch (PGPException e) {
            throw new IOException("cannot start the OpenPGP message: " + e.getMessage(), e);
        }
    }

    private static PGPKeyEncryptionMethodGenerator method(SealingKey key) throws IOException {
        try {
            if (key instanceof BackupPassphrase p) {
                return new JcePBEKeyEncryptionMethodGenerator(p.chars(), new JcaPGPDigestCalculatorProviderBuilder()
                        .build().get(HashAlgorithmTags.SHA256), S2K_COUNT).setSecureRandom(new SecureRandom());
            }
            return new JcePublicKeyKeyEncryptionMethodGenerator(((SealingKey.Recipient) key).key()).setProvider(BC)
                    .setSecureRandom(new SecureRandom());
        } catch (PGPException e) {
            throw new IOException("cannot prepare the backup key: " + e.getMessage(), e);
        }
    }

    /** Opens an OpenPGP backup with {@code key}; see {@link Decryption}. */
    public static InputStream decrypt(InputStream source, OpeningKey key) throws IOException {
        return Decryption.open(source, key);
    }

    /** Closes the literal packet, then the encrypted packet (writing the MDC), never the file underneath. */
    private static final class Layers extends FilterOutputStream {
        private final PGPLiteralDataGenerator literal;
        private final PGPEncryptedDataGenerator generator;

        Layers(OutputStream plain, PGPLiteralDataGenerator literal, PGPEncryptedDataGenerator generator) {
            super(plain);
            this.literal = literal;
            this.generator = generator;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            literal.close();
            generator.close();
        }
    }
}
