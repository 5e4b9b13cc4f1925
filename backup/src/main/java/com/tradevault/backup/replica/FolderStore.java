package com.tradevault.backup.replica;

import com.tradevault.core.AtomicFiles;
import com.tradevault.core.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A replica in a folder ({@code replica.url = file:///mnt/offsite/tradevault}): a sub-folder per generation.
 * Its folders and files are the owner's alone (0700, 0600), like the ledger they copy.
 */
final class FolderStore implements ReplicaStore {

    private final Path root;

    FolderStore(Path root) {
        this.root = root;
    }

    @Override
    public List<String> generations() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Override
    public List<String> files(String generation) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(generation))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    @Override
    public void write(String generation, String name, byte[] data) throws IOException {
        AtomicFiles.write(folder(generation).resolve(name), temp -> Files.write(OwnerOnly.createFile(temp), data));
    }

    @Override
    public void upload(String generation, String name, Path from) throws IOException {
        AtomicFiles.write(folder(generation).resolve(name), temp -> {
            try (OutputStream out = Files.newOutputStream(OwnerOnly.createFile(temp))) {
                Files.copy(from, out);
            }
        });
    }

    /** The generation's folder, created (mode 0700) if needed. */
    private Path folder(String generation) throws IOException {
        Path dir = root.resolve(generation);
        if (!Files.isDirectory(dir)) {
            OwnerOnly.createFolders(dir);
            AtomicFiles.fsyncDirectory(root);
        }
        return dir;
    }

    @Override
    public boolean download(String generation, String name, Path to) throws IOException {
        Path file = root.resolve(generation).resolve(name);
        if (!Files.exists(file)) {
            return false;
        }
        Files.copy(file, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    @Override
    public Optional<byte[]> read(String generation, String name) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(root.resolve(generation).resolve(name)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String generation) throws IOException {
        try (Stream<Path> all = Files.walk(root.resolve(generation))) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public String location() {
        return "file://" + root;
    }
}
