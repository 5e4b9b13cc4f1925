package com.tradevault.backup;

import com.tradevault.core.OwnerOnly;
import com.tradevault.backup.archive.TarReader;
import com.tradevault.backup.archive.TarWriter;
import com.tradevault.backup.pgp.BackupCipher;
import com.tradevault.backup.pgp.EnvelopeProblem;
import com.tradevault.backup.pgp.OpeningKey;
import com.tradevault.backup.pgp.SealingKey;
import com.tradevault.core.Outcome;
import com.tradevault.core.Progress;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The backup file format: an OpenPGP message (see {@link BackupCipher})
 * around a tar archive of {@code manifest.json} followed by the snapshot.
 * Reading checks everything the format can: the archive's shape, the
 * snapshot's size and SHA-256 against the manifest, and the MDC at the end.
 */
final class BackupArchive {

    private static final int BUFFER = 1 << 20;

    private BackupArchive() {
    }

    /** Writes manifest and snapshot, encrypted for {@code key}, into the new file {@code target} (mode 0600). */
    static void write(Path target, SealingKey key, Manifest manifest, Path snapshot, Progress progress)
            throws IOException {
        OwnerOnly.createFile(target);
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(target), BUFFER);
             OutputStream sealed = BackupCipher.encrypt(file, key);
             TarWriter tar = new TarWriter(sealed, Instant.parse(manifest.createdAt()))) {
            tar.add(Manifest.NAME, manifest.toJson());
            try (InputStream in = counting(Files.newInputStream(snapshot), "encrypting", manifest.snapshotBytes(), progress)) {
                tar.add(manifest.snapshotName(), manifest.snapshotBytes(), in);
            }
        }
    }

    /**
     * Decrypts and checks {@code backup}; writes its snapshot to the new file
     * {@code snapshotOut} (mode 0600) when given, else only reads it through.
     */
    static Manifest read(Path backup, OpeningKey key, Optional<Path> snapshotOut, Progress progress) {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(backup), BUFFER);
             InputStream plain = BackupCipher.decrypt(file, key)) {
            TarReader tar = new TarReader(plain);
            Manifest manifest = manifest(backup, tar);
            expectEntry(backup, tar, manifest.snapshotName());
            String sha = copySnapshot(tar.content(), snapshotOut, manifest.snapshotBytes(), progress);
            if (tar.next().isPresent()) {
                throw damaged(backup, "it holds more than a manifest and a snapshot");
            }
            plain.transferTo(OutputStream.nullOutputStream());
            if (!sha.equals(manifest.snapshotSha256())) {
                throw damaged(backup, "the snapshot's SHA-256 " + sha + " is not the manifest's " + manifest.snapshotSha256());
            }
            return manifest;
        } catch (EnvelopeProblem e) {
            throw translate(backup, e);
        } catch (IOException e) {
            throw damaged(backup, e.getMessage());
        }
    }

    private static Manifest manifest(Path backup, TarReader tar) throws IOException {
        expectEntry(backup, tar, Manifest.NAME);
        try {
            return Manifest.fromJson(tar.content().readNBytes(1 << 20));
        } catch (IllegalArgumentException e) {
            throw damaged(backup, e.getMessage());
        }
    }

    private static void expectEntry(Path backup, TarReader tar, String name) throws IOException {
        Optional<TarReader.Entry> entry = tar.next();
        if (entry.isEmpty() || !entry.get().name().equals(name)) {
            throw damaged(backup, "expected " + name + " in the archive, found "
                    + entry.map(TarReader.Entry::name).orElse("the end"));
        }
    }

    private static String copySnapshot(InputStream content, Optional<Path> out, long size, Progress progress)
            throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(counting(content, "decrypting", size, progress), sha)) {
            if (out.isPresent()) {
                OwnerOnly.createFile(out.get());
                try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out.get()), BUFFER)) {
                    in.transferTo(o);
                }
            } else {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** SHA-256 of a file, hex. */
    static String sha256(Path file, Progress progress) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(counting(Files.newInputStream(file), "checksum", Files.size(file),
                progress), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static BackupProblem translate(Path backup, EnvelopeProblem e) {
        return switch (e.kind()) {
            case WRONG_KEY -> new BackupProblem(Outcome.KEY_PROBLEM, "cannot open backup " + backup + ": " + e.getMessage(),
                    "use the passphrase or private key this backup was made with (docs/backup-restore.md)", e);
            case NOT_OPENPGP -> new BackupProblem(Outcome.INTEGRITY_PROBLEM, backup + " is not a tradevault backup ("
                    + e.getMessage() + ")", "check the file name; backups are named tradevault-<UTC time>.tar.gpg", e);
            case DAMAGED -> damaged(backup, e.getMessage());
        };
    }

    static BackupProblem damaged(Path backup, String why) {
        return new BackupProblem(Outcome.INTEGRITY_PROBLEM, "backup " + backup + " is unusable: " + why,
                "use another backup ('tradevault backups list'); nothing was changed");
    }

    /** {@code in}, reported as the step {@code step} over {@code total} bytes, which ends when the stream is closed. */
    private static InputStream counting(InputStream in, String step, long total, Progress progress) {
        progress.start(step, Progress.Unit.BYTES, total);
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    progress.advance(n);
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    progress.done();
                }
            }
        };
    }
}
