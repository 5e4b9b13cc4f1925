package com.tradevault.backup.replica;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import javax.crypto.Mac;

/**
 * Seals and opens replica files through local files, a buffer at a time, so
 * that a snapshot as large as the ledger never has to fit in memory. The
 * format is {@link ReplicaFile}'s.
 */
final class SealedFiles {

    private static final int BUFFER = 1 << 16;

    private SealedFiles() {
    }

    /** Writes {@code body} sealed under {@code header}'s description to {@code out}. */
    static void seal(ReplicaFile header, Path body, Path out, ReplicaKey key) throws IOException {
        Mac mac = key.newMac();
        byte[] start = header.header(Files.size(body));
        try (InputStream in = Files.newInputStream(body); OutputStream o = Files.newOutputStream(out)) {
            mac.update(start);
            o.write(start);
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                mac.update(buffer, 0, n);
                o.write(buffer, 0, n);
            }
            o.write(mac.doFinal());
        }
    }

    /** Checks {@code sealed}'s tag, then writes its body to {@code body}; returns its description. */
    static ReplicaFile open(Path sealed, Path body, ReplicaKey key) throws IOException, ReplicaFile.Unreadable {
        long size = Files.size(sealed);
        if (size < 8 + 2 + 28 + ReplicaKey.TAG) {
            throw new ReplicaFile.Unreadable("it is not a tradevault replica file (or it is truncated)");
        }
        verify(sealed, size - ReplicaKey.TAG, key);
        byte[] start;
        try (InputStream in = Files.newInputStream(sealed)) {
            start = in.readNBytes(300);
        }
        ReplicaFile header = ReplicaFile.readHeader(start);
        int offset = ReplicaFile.headerLength(start);
        try (InputStream in = Files.newInputStream(sealed); OutputStream o = Files.newOutputStream(body)) {
            in.skipNBytes(offset);
            copy(in, o, size - ReplicaKey.TAG - offset);
        }
        return header;
    }

    private static void verify(Path sealed, long signed, ReplicaKey key) throws IOException, ReplicaFile.Unreadable {
        Mac mac = key.newMac();
        byte[] tag;
        try (InputStream in = Files.newInputStream(sealed)) {
            byte[] buffer = new byte[BUFFER];
            for (long left = signed; left > 0; ) {
                int n = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, left));
                if (n == 0) {
                    throw new IOException(sealed + " ended early");
                }
                mac.update(buffer, 0, n);
                left -= n;
            }
            tag = in.readNBytes(ReplicaKey.TAG);
        }
        if (!MessageDigest.isEqual(mac.doFinal(), tag)) {
            throw new ReplicaFile.Unreadable("its authentication tag does not match: it was changed or truncated, or"
                    + " it was written under another database key");
        }
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[BUFFER];
        for (long left = length; left > 0; ) {
            int n = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, left));
            if (n == 0) {
                throw new IOException("a replica file ended early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
