package com.tradevault.backup;

import com.tradevault.backup.pgp.BackupPassphrase;
import com.tradevault.backup.pgp.KeyFiles;
import com.tradevault.backup.pgp.OpeningKey;
import com.tradevault.backup.pgp.SealingKey;
import com.tradevault.core.OwnerOnly;
import com.tradevault.core.key.KeyProblem;
import com.tradevault.core.key.KeyResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * The keys of backups: what they are encrypted with (the passphrase in
 * {@code backup.passphrase-file}, or the public key in
 * {@code backup.recipient-key-file}) and what opens them (the passphrase, or
 * a private key file whose passphrase comes from
 * {@code TRADEVAULT_BACKUP_KEY_PASSPHRASE}). Never prints a secret.
 */
public final class BackupKeys {

    /** The environment variable holding the passphrase of a {@code --private-key-file}. */
    public static final String PRIVATE_KEY_PASSPHRASE_ENV = "TRADEVAULT_BACKUP_KEY_PASSPHRASE";

    private final BackupSettings settings;
    private final Map<String, String> env;
    private final Path defaultPassphraseFile;

    public BackupKeys(BackupSettings settings, KeyResolver dbKeys, Map<String, String> env) {
        this.settings = settings;
        this.env = Map.copyOf(env);
        this.defaultPassphraseFile = dbKeys.defaultKeyFile().resolveSibling("backup.passphrase");
    }

    /** Whether backups go to a public key, so that this server cannot read them. */
    public boolean publicKeyMode() {
        return settings.recipientKeyFile().isPresent();
    }

    /** The passphrase file in use: configured, or the default one. */
    public Path passphraseFile() {
        return settings.passphraseFile().orElse(defaultPassphraseFile);
    }

    /** Whether sealing will generate the default passphrase file (it does not exist yet). */
    public boolean willGeneratePassphrase() {
        return !publicKeyMode() && settings.passphraseFile().isEmpty() && !Files.exists(defaultPassphraseFile);
    }

    /** What new backups are encrypted with; generates the default passphrase file on first use. */
    public SealingKey sealing() {
        if (publicKeyMode()) {
            Path file = settings.recipientKeyFile().get();
            return new SealingKey.Recipient(recipient(file), "backup.recipient-key-file " + file);
        }
        if (willGeneratePassphrase()) {
            generatePassphrase(defaultPassphraseFile);
        }
        return new BackupPassphrase(readPassphrase(passphraseFile()), "backup.passphrase-file " + passphraseFile());
    }

    /** What opens backups here without any extra input: the passphrase; empty in public-key mode. */
    public Optional<OpeningKey> openingHere() {
        if (publicKeyMode()) {
            return Optional.empty();
        }
        return Optional.of(passphraseOpening());
    }

    /** What opens a backup for verify and restore: {@code privateKeyFile} if given, else the passphrase. */
    public OpeningKey opening(Optional<Path> privateKeyFile) {
        if (privateKeyFile.isPresent()) {
            return privateKeys(privateKeyFile.get());
        }
        if (publicKeyMode()) {
            throw new KeyProblem("backups here are encrypted to the public key in " + settings.recipientKeyFile().get()
                    + ", which this server cannot decrypt", "give the matching private key: --private-key-file FILE"
                    + " (its passphrase, if any, in " + PRIVATE_KEY_PASSPHRASE_ENV + ")");
        }
        return passphraseOpening();
    }

    private OpeningKey passphraseOpening() {
        Path file = passphraseFile();
        if (!Files.exists(file)) {
            throw new KeyProblem("no backup passphrase: " + file + " does not exist",
                    "put the passphrase the backups were made with into that file (mode 0600), or point"
                            + " backup.passphrase-file / TRADEVAULT_BACKUP_PASSPHRASE_FILE at it");
        }
        return new BackupPassphrase(readPassphrase(file), "backup passphrase file " + file);
    }

    private OpeningKey privateKeys(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new KeyProblem("private key file " + file + " does not exist", "give the file written by"
                    + " 'gpg --export-secret-keys --armor KEYID > FILE'");
        }
        char[] passphrase = Optional.ofNullable(env.get(PRIVATE_KEY_PASSPHRASE_ENV)).orElse("").toCharArray();
        try {
            return new OpeningKey.PrivateKeys(KeyFiles.secretKeys(file), passphrase, "private key file " + file);
        } catch (IOException e) {
            throw new KeyProblem("cannot read private key file " + file + ": " + e.getMessage(),
                    "give the file written by 'gpg --export-secret-keys --armor KEYID > FILE'");
        }
    }

    private static PGPPublicKey recipient(Path file) {
        try {
            return KeyFiles.encryptionKey(file).orElseThrow(() -> new KeyProblem("backup.recipient-key-file " + file
                    + " holds no usable encryption key", "export one with 'gpg --export --armor KEYID > " + file + "'"));
        } catch (IOException e) {
            throw new KeyProblem("cannot read backup.recipient-key-file " + file + ": " + e.getMessage(),
                    "export the public key with 'gpg --export --armor KEYID > " + file + "'");
        }
    }

    private static char[] readPassphrase(Path file) {
        refuseLoosePermissions(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new KeyProblem("cannot read the backup passphrase file " + file + " (" + e.getClass().getSimpleName()
                    + ")", "make sure it exists and the user running tradevault can read it");
        }
        if (text.isEmpty()) {
            throw new KeyProblem("the backup passphrase file " + file + " is empty", "put the passphrase back from your safe copy");
        }
        return text.toCharArray();
    }

    private static void refuseLoosePermissions(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new KeyProblem("the backup passphrase file " + file + " is readable by group or others (mode "
                        + PosixFilePermissions.toString(perms) + ")", "run: chmod 600 " + file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // missing files are reported when read; other file systems have no modes to check
        }
    }

    private static void generatePassphrase(Path file) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n";
        try {
            OwnerOnly.createFolders(file.toAbsolutePath().getParent());
            OwnerOnly.writeAtomically(file, text);
        } catch (IOException e) {
            throw new KeyProblem("cannot write the backup passphrase file " + file + ": " + e.getMessage(),
                    "make its folder writable, or set backup.passphrase-file to a file you created");
        }
    }
}
