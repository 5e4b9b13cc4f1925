package com.tradevault.backup.replica;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the replicator logs in to an {@code sftp://} replica: the private key file
 * ({@code replica.ssh-key}), the {@code known_hosts} file that holds the server's
 * host key ({@code replica.known-hosts}), and how long it waits on a server that
 * does not answer ({@code replica.timeout}) before it drops the connection and
 * reconnects. Paths only: the key itself is read when connecting and never kept
 * in a string.
 *
 * @param key        the private key file (OpenSSH format, no passphrase, mode 0600)
 * @param knownHosts the known_hosts file with the server's host key
 * @param timeout    the longest wait for a connection, a login or an answer
 */
public record SftpAccess(Optional<Path> key, Optional<Path> knownHosts, Duration timeout) {

    /** No SSH settings: only {@code file://} replicas can be used. */
    public static final SftpAccess NONE = new SftpAccess(Optional.empty(), Optional.empty(), Duration.ofSeconds(30));
}
