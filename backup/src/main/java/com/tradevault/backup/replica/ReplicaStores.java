package com.tradevault.backup.replica;

import com.tradevault.backup.BackupProblem;
import com.tradevault.core.Outcome;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Chooses the store for a {@code replica.url}. */
public final class ReplicaStores {

    private ReplicaStores() {
    }

    /** The folder store at a {@code file://} URL (no SSH settings needed). */
    public static ReplicaStore at(String url) {
        return at(url, SftpAccess.NONE);
    }

    /** The store at {@code url}; a URL of an unsupported kind is refused with the kinds that work. */
    public static ReplicaStore at(String url, SftpAccess access) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw badUrl(url, "it is not a URL (" + e.getReason() + ")");
        }
        if ("file".equals(uri.getScheme()) && uri.getPath() != null && !uri.getPath().isEmpty()) {
            return new FolderStore(Path.of(uri.getPath()).toAbsolutePath().normalize());
        }
        if ("sftp".equals(uri.getScheme())) {
            return new SftpStore(sftpUrl(url, uri), SftpKeys.checked(access));
        }
        throw badUrl(url, "only file:///absolute/folder and sftp://user@host:port/absolute/path URLs are supported");
    }

    private static SftpStore.Url sftpUrl(String url, URI uri) {
        if (uri.getHost() == null || uri.getUserInfo() == null || uri.getUserInfo().isEmpty()) {
            throw badUrl(url, "an sftp:// URL needs a user and a host: sftp://user@host:port/path");
        }
        if (uri.getUserInfo().contains(":")) {
            throw badUrl(url, "it holds a password; the replicator logs in with the key file replica.ssh-key only");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        if (path.isEmpty() || path.contains("/../") || path.endsWith("/..")) {
            throw badUrl(url, "it needs an absolute folder on the server after the host, e.g. /srv/tradevault-replica");
        }
        return new SftpStore.Url(uri.getUserInfo(), uri.getHost(), uri.getPort() < 0 ? 22 : uri.getPort(), path);
    }

    private static BackupProblem badUrl(String url, String why) {
        String shown = url.replaceAll("://([^:@/]*):[^@/]*@", "://$1:(hidden)@");
        return new BackupProblem(Outcome.BAD_USAGE, "replica.url '" + shown + "' cannot be used: " + why,
                "set replica.url to a folder, e.g. file:///mnt/offsite/tradevault, or an SFTP server, e.g."
                        + " sftp://tradevault@backup.example.org:22/srv/tradevault-replica (docs/backup-restore.md)");
    }
}
