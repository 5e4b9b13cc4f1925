package com.tradevault.backup.replica;

import com.tradevault.backup.BackupProblem;
import com.tradevault.setup.Outcome;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Chooses the store for a {@code replica.url}. */
public final class ReplicaStores {

    private ReplicaStores() {
    }

    /** The store at {@code url}; a URL of an unsupported kind is refused with the kinds that work. */
    public static ReplicaStore at(String url) {
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
            throw badUrl(url, "sftp:// replicas are not supported by this version yet");
        }
        throw badUrl(url, "only file:///absolute/folder URLs are supported");
    }

    private static BackupProblem badUrl(String url, String why) {
        return new BackupProblem(Outcome.BAD_USAGE, "replica.url '" + url + "' cannot be used: " + why,
                "set replica.url to a folder, e.g. file:///mnt/offsite/tradevault (docs/backup-restore.md)");
    }
}
