package com.tradevault.backup.replica;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHFsyncExtension;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * A replica on an SFTP server ({@code replica.url = sftp://user@host:port/srv/tradevault-replica}):
 * a folder per generation under the path, as {@link FolderStore} keeps them.
 * A file is written under a hidden temporary name, flushed to the server's disk
 * (fsync@openssh.com) and renamed over its name (posix-rename@openssh.com), so a
 * reader sees a whole file or none.
 */
final class SftpStore implements ReplicaStore {

    /** The parts of an {@code sftp://} URL. */
    record Url(String user, String host, int port, String path) {
    }

    private final Url url;
    private final SftpConnection connection;

    SftpStore(Url url, SftpKeys keys) {
        this.url = url;
        this.connection = new SftpConnection(url, keys);
    }

    @Override
    public List<String> generations() throws IOException {
        return connection.run(sftp -> names(sftp, url.path(), SftpClient.Attributes::isDirectory));
    }

    @Override
    public List<String> files(String generation) throws IOException {
        return connection.run(sftp -> names(sftp, folder(generation), SftpClient.Attributes::isRegularFile));
    }

    @Override
    public void write(String generation, String name, byte[] data) throws IOException {
        connection.run(sftp -> put(sftp, generation, name, out -> out.write(data)));
    }

    @Override
    public void upload(String generation, String name, Path from) throws IOException {
        connection.run(sftp -> put(sftp, generation, name, out -> Files.copy(from, out)));
    }

    @Override
    public boolean download(String generation, String name, Path to) throws IOException {
        return connection.run(sftp -> {
            try (InputStream in = sftp.read(folder(generation) + "/" + name)) {
                Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                return true;
            } catch (SftpException e) {
                return missing(e, false);
            }
        });
    }

    @Override
    public Optional<byte[]> read(String generation, String name) throws IOException {
        return connection.run(sftp -> {
            try (InputStream in = sftp.read(folder(generation) + "/" + name)) {
                return Optional.of(in.readAllBytes());
            } catch (SftpException e) {
                return missing(e, Optional.empty());
            }
        });
    }

    @Override
    public void delete(String generation) throws IOException {
        connection.run(sftp -> {
            String dir = folder(generation);
            for (SftpClient.DirEntry e : sftp.readDir(dir)) {
                if (!e.getFilename().equals(".") && !e.getFilename().equals("..")) {
                    sftp.remove(dir + "/" + e.getFilename());
                }
            }
            sftp.rmdir(dir);
            return null;
        });
    }

    @Override
    public String location() {
        return "sftp://" + url.user() + "@" + url.host() + ":" + url.port() + url.path();
    }

    @Override
    public void close() {
        connection.close();
    }

    private String folder(String generation) {
        return url.path() + "/" + generation;
    }

    /** The visible names in a folder whose attributes pass {@code kind}, sorted; none if the folder does not exist. */
    private static List<String> names(SftpClient sftp, String dir, Predicate<SftpClient.Attributes> kind)
            throws IOException {
        List<String> names = new ArrayList<>();
        try {
            for (SftpClient.DirEntry e : sftp.readDir(dir)) {
                if (!e.getFilename().startsWith(".") && kind.test(e.getAttributes())) {
                    names.add(e.getFilename());
                }
            }
        } catch (SftpException e) {
            return missing(e, List.of());
        } catch (UncheckedIOException e) {
            // the listing's iterator opens the folder and wraps what the server answered
            if (e.getCause() instanceof SftpException answer) {
                return missing(answer, List.of());
            }
            throw e;
        }
        return names.stream().sorted().toList();
    }

    /** What writes the content of a file. */
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes under a temporary name (mode 0600 before its first byte), fsyncs, renames over the name: a reader sees
     * a whole file or none.
     */
    private Void put(SftpClient sftp, String generation, String name, Content content) throws IOException {
        String dir = folder(generation);
        makeFolders(sftp, dir);
        String temp = dir + "/." + name + "." + HexFormat.of().formatHex(random()) + ".tmp";
        try {
            try (SftpClient.CloseableHandle h = sftp.open(temp, SftpClient.OpenMode.Write, SftpClient.OpenMode.Create,
                    SftpClient.OpenMode.Truncate); OutputStream out = sftp.write(temp)) {
                sftp.setStat(h, mode(0600));
                content.writeTo(out);
                out.flush();
                out.close();
                fsync(sftp, h);
            }
            rename(sftp, temp, dir + "/" + name);
        } catch (IOException e) {
            removeQuietly(sftp, temp);
            throw e;
        }
        return null;
    }

    private static void fsync(SftpClient sftp, SftpClient.Handle h) throws IOException {
        OpenSSHFsyncExtension fsync = sftp.getExtension(OpenSSHFsyncExtension.class);
        if (fsync.isSupported()) {
            fsync.fsync(h);
        }
    }

    private static void rename(SftpClient sftp, String from, String to) throws IOException {
        OpenSSHPosixRenameExtension posix = sftp.getExtension(OpenSSHPosixRenameExtension.class);
        if (posix.isSupported()) {
            posix.posixRename(from, to);
        } else {
            sftp.rename(from, to, SftpClient.CopyMode.Overwrite);
        }
    }

    /** Creates the replica's folder and the generation's (mode 0700) if they do not exist yet. */
    private static void makeFolders(SftpClient sftp, String dir) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String d = dir; !d.isEmpty() && !exists(sftp, d); d = d.substring(0, d.lastIndexOf('/'))) {
            missing.add(0, d);
        }
        for (String d : missing) {
            sftp.mkdir(d);
            sftp.setStat(d, mode(0700));
        }
    }

    /** Owner-only on the server too, whatever its umask: 0700 for folders, 0600 for files. */
    private static SftpClient.Attributes mode(int permissions) {
        SftpClient.Attributes mode = new SftpClient.Attributes();
        mode.setPermissions(permissions);
        return mode;
    }

    private static boolean exists(SftpClient sftp, String path) throws IOException {
        try {
            sftp.stat(path);
            return true;
        } catch (SftpException e) {
            return missing(e, false);
        }
    }

    /** {@code absent} if the server said the file does not exist; the server's answer otherwise. */
    private static <T> T missing(SftpException e, T absent) throws SftpException {
        if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
            return absent;
        }
        throw e;
    }

    private static void removeQuietly(SftpClient sftp, String path) {
        try {
            sftp.remove(path);
        } catch (IOException ignored) {
            // a temporary file left behind is hidden from listings and is overwritten by no one
        }
    }

    private static byte[] random() {
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
