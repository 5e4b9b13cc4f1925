package com.tradevault.backup.pgp;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPDataValidationException;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBEDataDecryptorFactoryBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyDataDecryptorFactoryBuilder;

/**
 * Opens an OpenPGP backup: finds the packet the key opens, refuses messages
 * without integrity protection, and checks the MDC when the content has been
 * read to its end, so a truncated or altered file fails loudly instead of
 * yielding bytes that merely look right.
 */
final class Decryption {

    private Decryption() {
    }

    static InputStream open(InputStream source, OpeningKey key) throws IOException {
        PGPEncryptedDataList list = encryptedDataList(source);
        if (key instanceof BackupPassphrase p) {
            return withPassphrase(list, p);
        }
        return withPrivateKey(list, (OpeningKey.PrivateKeys) key);
    }

    private static PGPEncryptedDataList encryptedDataList(InputStream source) throws IOException {
        try {
            JcaPGPObjectFactory factory = new JcaPGPObjectFactory(PGPUtil.getDecoderStream(source));
            Object first = factory.nextObject();
            if (first instanceof PGPMarker) {
                first = factory.nextObject();
            }
            if (first instanceof PGPEncryptedDataList list) {
                return list;
            }
        } catch (IOException | RuntimeException e) {
            throw notOpenPgp(e);
        }
        throw notOpenPgp(null);
    }

    private static EnvelopeProblem notOpenPgp(Exception cause) {
        return new EnvelopeProblem(EnvelopeProblem.Kind.NOT_OPENPGP, "not an encrypted OpenPGP message", cause);
    }

    private static InputStream withPassphrase(PGPEncryptedDataList list, BackupPassphrase key) throws IOException {
        for (PGPEncryptedData data : list) {
            if (data instanceof PGPPBEEncryptedData pbe) {
                try {
                    InputStream clear = pbe.getDataStream(new JcePBEDataDecryptorFactoryBuilder(
                            new JcaPGPDigestCalculatorProviderBuilder().build()).build(key.chars()));
                    return content(clear, pbe);
                } catch (PGPDataValidationException e) {
                    throw wrongKey("the passphrase from " + key.source() + " does not open it", e);
                } catch (PGPException e) {
                    throw damaged(e);
                }
            }
        }
        throw wrongKey("it is encrypted to public key " + recipients(list) + ", not with a passphrase", null);
    }

    private static InputStream withPrivateKey(PGPEncryptedDataList list, OpeningKey.PrivateKeys key) throws IOException {
        for (PGPEncryptedData data : list) {
            if (data instanceof PGPPublicKeyEncryptedData pk) {
                PGPSecretKey secret = secretKey(key, pk.getKeyID());
                if (secret != null) {
                    return openWith(pk, unlock(secret, key));
                }
            }
        }
        throw wrongKey("it is encrypted " + (recipients(list).isEmpty() ? "with a passphrase"
                : "to public key " + recipients(list)) + ", which " + key.source() + " does not hold", null);
    }

    private static PGPSecretKey secretKey(OpeningKey.PrivateKeys key, long keyId) {
        return key.keys().getSecretKey(keyId);
    }

    private static PGPPrivateKey unlock(PGPSecretKey secret, OpeningKey.PrivateKeys key) throws IOException {
        try {
            return secret.extractPrivateKey(new JcePBESecretKeyDecryptorBuilder(
                    new JcaPGPDigestCalculatorProviderBuilder().setProvider(BackupCipher.BC).build())
                    .setProvider(BackupCipher.BC).build(key.passphrase()));
        } catch (PGPException e) {
            throw wrongKey("the passphrase in TRADEVAULT_BACKUP_KEY_PASSPHRASE does not unlock the private key in "
                    + key.source(), e);
        }
    }

    private static InputStream openWith(PGPPublicKeyEncryptedData pk, PGPPrivateKey privateKey) throws IOException {
        try {
            InputStream clear = pk.getDataStream(new JcePublicKeyDataDecryptorFactoryBuilder()
                    .setProvider(BackupCipher.BC).build(privateKey));
            return content(clear, pk);
        } catch (PGPException e) {
            throw damaged(e);
        }
    }

    private static InputStream content(InputStream clear, PGPEncryptedData data) throws IOException {
        if (!data.isIntegrityProtected()) {
            throw new EnvelopeProblem(EnvelopeProblem.Kind.DAMAGED, "it has no integrity protection (MDC);"
                    + " tradevault never writes such files", null);
        }
        try {
            JcaPGPObjectFactory factory = new JcaPGPObjectFactory(clear);
            Object next = factory.nextObject();
            if (next instanceof PGPCompressedData compressed) {
                next = new JcaPGPObjectFactory(compressed.getDataStream()).nextObject();
            }
            if (next instanceof PGPLiteralData literal) {
                return new Verified(literal.getInputStream(), data);
            }
        } catch (IOException | PGPException | RuntimeException e) {
            throw damaged(e);
        }
        throw damaged(null);
    }

    private static String recipients(PGPEncryptedDataList list) {
        List<String> ids = new ArrayList<>();
        for (PGPEncryptedData data : list) {
            if (data instanceof PGPPublicKeyEncryptedData pk) {
                ids.add(String.format(Locale.ROOT, "%016X", pk.getKeyID()));
            }
        }
        return String.join(", ", ids);
    }

    private static EnvelopeProblem wrongKey(String message, Exception cause) {
        return new EnvelopeProblem(EnvelopeProblem.Kind.WRONG_KEY, message, cause);
    }

    static EnvelopeProblem damaged(Exception cause) {
        String why = cause instanceof EOFException ? "it is truncated"
                : "it is damaged or was altered" + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
        return new EnvelopeProblem(EnvelopeProblem.Kind.DAMAGED, why, cause);
    }

    /** The literal content; at its end the MDC is checked, and a mismatch fails the read. */
    private static final class Verified extends FilterInputStream {
        private final PGPEncryptedData data;
        private boolean checked;

        Verified(InputStream in, PGPEncryptedData data) {
            super(in);
            this.data = data;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (EnvelopeProblem e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw damaged(e);
            }
            if (n < 0) {
                checkIntegrity();
            }
            return n;
        }

        private void checkIntegrity() throws IOException {
            if (checked) {
                return;
            }
            try {
                if (!data.verify()) {
                    throw damaged(null);
                }
            } catch (PGPException e) {
                throw damaged(e);
            }
            checked = true;
        }
    }
}
