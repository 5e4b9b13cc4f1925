package com.tradevault.backup.replica;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a replica lives: named generations, each a folder of named files,
 * written atomically (a reader sees a whole file or none). One adapter per
 * kind of {@code replica.url}.
 */
public interface ReplicaStore extends AutoCloseable {

    /** The generations, oldest first (their names sort by time). */
    List<String> generations() throws IOException;

    /** The names of a generation's files, sorted. */
    List<String> files(String generation) throws IOException;

    /** Writes a file atomically. */
    void write(String generation, String name, byte[] data) throws IOException;

    /** Writes a file atomically from a local file (a snapshot: too large to hold in memory). */
    void upload(String generation, String name, Path from) throws IOException;

    /** Copies a file to a local file; false if it does not exist. */
    boolean download(String generation, String name, Path to) throws IOException;

    /** Reads a file, if it exists. */
    Optional<byte[]> read(String generation, String name) throws IOException;

    /** Removes a whole generation. */
    void delete(String generation) throws IOException;

    /** The store's location, for messages (never a secret). */
    String location();

    /** Lets go of a connection, if the store holds one. */
    @Override
    default void close() {
    }
}
