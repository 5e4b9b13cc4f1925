package com.tradevault.backup.replica;

import com.tradevault.backup.BackupProblem;
import com.tradevault.core.Outcome;
import java.io.IOException;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * One SSH connection to the replica's server, opened when first needed and
 * opened again after it dropped: an operation that fails for any reason but
 * an answer of the server's own (no such file, no space) is tried once more on
 * a fresh connection. Every wait is bounded by {@code replica.timeout}, and a
 * server that stops answering is noticed by keep-alive probes, so a dead
 * server never hangs the replicator. The host key must be in known_hosts.
 */
final class SftpConnection implements AutoCloseable {

    /** An SFTP operation. */
    interface Work<T> {
        T on(SftpClient sftp) throws IOException;
    }

    private final SftpStore.Url url;
    private final SftpKeys keys;
    private final AtomicReference<String> refusedHostKey = new AtomicReference<>();
    private SshClient client;
    private ClientSession session;
    private SftpClient sftp;

    SftpConnection(SftpStore.Url url, SftpKeys keys) {
        this.url = url;
        this.keys = keys;
    }

    /** Runs {@code work}, on a fresh connection once more if the first attempt lost the connection. */
    synchronized <T> T run(Work<T> work) throws IOException {
        try {
            return answered(work);
        } catch (SftpAnswer answer) {
            throw answer;
        } catch (IOException dropped) {
            closeQuietly();
            return answered(work);
        }
    }

    /** The server's own refusal of an operation: not a dropped connection, so not tried again. */
    private static final class SftpAnswer extends IOException {
        SftpAnswer(SftpException e) {
            super("the server answered " + SftpConstants.getStatusName(e.getStatus()) + " (" + e.getMessage() + ")"
                    + (mayBeDiskFull(e) ? ": is its disk full?" : ""), e);
        }
    }

    private <T> T answered(Work<T> work) throws IOException {
        try {
            return work.on(open());
        } catch (SftpException e) {
            throw new SftpAnswer(e);
        }
    }

    /** OpenSSH's server answers a write on a full disk with a bare failure. */
    private static boolean mayBeDiskFull(SftpException e) {
        return e.getStatus() == SftpConstants.SSH_FX_FAILURE || e.getStatus() == SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM
                || e.getStatus() == SftpConstants.SSH_FX_QUOTA_EXCEEDED;
    }

    private SftpClient open() throws IOException {
        if (sftp != null && sftp.isOpen() && session.isOpen()) {
            return sftp;
        }
        closeQuietly();
        Duration timeout = keys.timeout();
        session = client().connect(url.user(), url.host(), url.port()).verify(timeout).getSession();
        session.addPublicKeyIdentity(keys.keyPair());
        try {
            session.auth().verify(timeout);
        } catch (IOException e) {
            throw loginRefused(e);
        }
        sftp = SftpClientFactory.instance().createSftpClient(session);
        return sftp;
    }

    private SshClient client() {
        if (client == null) {
            Duration timeout = keys.timeout();
            client = SshClient.setUpDefaultClient();
            CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, timeout);
            CoreModuleProperties.AUTH_TIMEOUT.set(client, timeout);
            CoreModuleProperties.CHANNEL_OPEN_TIMEOUT.set(client, timeout);
            CoreModuleProperties.WAIT_FOR_SPACE_TIMEOUT.set(client, timeout);
            // an SFTP request waits for its answer up to the idle timeout: keep-alives keep a live but quiet link open
            CoreModuleProperties.IDLE_TIMEOUT.set(client, timeout);
            CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, timeout.dividedBy(3));
            CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(client, timeout.dividedBy(3));
            CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, 3);
            SftpModuleProperties.SFTP_CHANNEL_OPEN_TIMEOUT.set(client, timeout);
            client.setServerKeyVerifier(new KnownHostsOnly());
            client.start();
        }
        return client;
    }

    /** The login failed: a refused host key (exit 4) or key (exit 2) stops the replicator; anything else is retried. */
    private IOException loginRefused(IOException e) {
        String hostKey = refusedHostKey.getAndSet(null);
        closeQuietly();
        if (hostKey != null) {
            throw new BackupProblem(Outcome.KEY_PROBLEM, hostKey, "if the server's key really changed (reinstalled),"
                    + " check its new fingerprint with the server's owner, then replace its line in "
                    + keys.knownHosts() + " (ssh-keyscan -p " + url.port() + " " + url.host() + "); otherwise someone"
                    + " may be in the way: do not connect (docs/backup-restore.md)");
        }
        if (e.getMessage() != null && e.getMessage().contains("No more authentication methods")) {
            throw new BackupProblem(Outcome.BAD_USAGE, "the SFTP server " + url.host() + ":" + url.port()
                    + " refused the key replica.ssh-key for user " + url.user(), "add the public key (the .pub file"
                    + " beside the private key) to ~" + url.user() + "/.ssh/authorized_keys on the server");
        }
        return e;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
        if (client != null) {
            client.stop();
            client = null;
        }
    }

    /** Drops the connection, ignoring errors: it is being replaced or given up. */
    private void closeQuietly() {
        try {
            if (sftp != null) {
                sftp.close();
            }
        } catch (IOException ignored) {
            // a dead connection cannot close cleanly; it is dropped all the same
        }
        if (session != null) {
            session.close(true);
        }
        sftp = null;
        session = null;
    }

    /** Accepts only a host key that known_hosts holds for this host and port; says which way another was wrong. */
    private final class KnownHostsOnly extends KnownHostsServerKeyVerifier {

        KnownHostsOnly() {
            super((session, address, key) -> false, keys.knownHosts());
        }

        @Override
        public boolean verifyServerKey(ClientSession session, SocketAddress address, PublicKey key) {
            boolean ok = super.verifyServerKey(session, address, key);
            if (!ok) {
                refusedHostKey.compareAndSet(null, "the SFTP server " + url.host() + ":" + url.port()
                        + " showed a host key (" + KeyUtils.getFingerPrint(key) + ") that " + keys.knownHosts()
                        + " does not hold for it: refused");
            }
            return ok;
        }

        @Override
        public boolean acceptModifiedServerKey(ClientSession session, SocketAddress address, KnownHostEntry entry,
                                               PublicKey expected, PublicKey actual) {
            refusedHostKey.set("the SFTP server " + url.host() + ":" + url.port() + " showed a host key ("
                    + KeyUtils.getFingerPrint(actual) + ") that differs from the one " + keys.knownHosts() + " holds ("
                    + KeyUtils.getFingerPrint(expected) + "): refused");
            return false;
        }
    }
}
