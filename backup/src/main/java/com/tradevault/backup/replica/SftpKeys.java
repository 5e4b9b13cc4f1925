package com.tradevault.backup.replica;

import com.tradevault.backup.BackupProblem;
import com.tradevault.core.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The checked SSH settings of an {@code sftp://} replica: the key file exists,
 * only its owner can read it, it holds a private key without a passphrase; the
 * known_hosts file exists. Every problem is a configuration problem (exit 2)
 * that names the setting, the file and the fix; no message ever holds key material.
 */
final class SftpKeys {

    private static final String SETUP = " (docs/backup-restore.md, 'Replicating to an SFTP server')";

    private final Path key;
    private final Path knownHosts;
    private final Duration timeout;

    private SftpKeys(Path key, Path knownHosts, Duration timeout) {
        this.key = key;
        this.knownHosts = knownHosts;
        this.timeout = timeout;
    }

    /** Checks the settings and the files they name. */
    static SftpKeys checked(SftpAccess access) {
        Path key = access.key().orElseThrow(() -> problem("replica.url is an sftp:// URL but replica.ssh-key is not"
                + " set", "generate a key for the replicator: ssh-keygen -t ed25519 -N '' -f"
                + " /etc/tradevault/replica/id_ed25519, set replica.ssh-key to it and add the .pub file to the"
                + " server's authorized_keys" + SETUP));
        Path knownHosts = access.knownHosts().orElseThrow(() -> problem("replica.url is an sftp:// URL but"
                + " replica.known-hosts is not set: the server's host key cannot be checked", "write the server's"
                + " host key to a file (ssh-keyscan -p PORT HOST > /etc/tradevault/replica/known_hosts), compare its"
                + " fingerprint (ssh-keygen -lf) with the one the server's owner gives you, and set"
                + " replica.known-hosts to it" + SETUP));
        checkFile("replica.ssh-key", key);
        checkFile("replica.known-hosts", knownHosts);
        refuseLoosePermissions(key);
        SftpKeys keys = new SftpKeys(key, knownHosts, access.timeout());
        keys.keyPair();
        return keys;
    }

    Path knownHosts() {
        return knownHosts;
    }

    Duration timeout() {
        return timeout;
    }

    /** Reads the private key (each connection reads it afresh, so it is never kept beyond a login). */
    KeyPair keyPair() {
        try (InputStream in = Files.newInputStream(key)) {
            Iterator<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(key.toString()),
                    in, null).iterator();
            if (pairs.hasNext()) {
                return pairs.next();
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof java.nio.file.AccessDeniedException) {
                throw problem("cannot read replica.ssh-key " + key + ": permission denied", "make the service user"
                        + " (tradevault) its owner: chown tradevault: " + key + " && chmod 600 " + key);
            }
        }
        throw problem("replica.ssh-key " + key + " holds no private key the replicator can use (it must be an"
                + " unencrypted OpenSSH or PEM private key: ed25519, ecdsa or rsa, without a passphrase)",
                "generate one with ssh-keygen -t ed25519 -N '' -f " + key + ".new and point replica.ssh-key at it"
                        + SETUP);
    }

    private static void checkFile(String setting, Path file) {
        if (!Files.exists(file)) {
            throw problem(setting + " " + file + " does not exist", "check the path in the configuration" + SETUP);
        }
        if (!Files.isRegularFile(file)) {
            throw problem(setting + " " + file + " is not a file", "point " + setting + " at the file itself" + SETUP);
        }
        if (!Files.isReadable(file)) {
            throw problem("cannot read " + setting + " " + file + ": permission denied", "make the service user"
                    + " (tradevault) its owner: chown tradevault: " + file);
        }
    }

    /** Like ssh itself: a private key that others can read is refused. */
    private static void refuseLoosePermissions(Path key) {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(key);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
            throw problem("replica.ssh-key " + key + " can be read by others (" + PosixFilePermissions.toString(perms)
                    + "); a private key must be readable by its owner alone", "chmod 600 " + key);
        }
    }

    static BackupProblem problem(String message, String next) {
        return new BackupProblem(Outcome.BAD_USAGE, message, next);
    }
}
