package com.tradevault.core.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The versioned migrations this bundle ships for one dialect, read straight from the class path
 * with the checksum Flyway records for each (CRC32 of the lines), so that a ledger already at this
 * version can be recognised without starting Flyway (which costs a second or more of every start).
 */
public final class BundledMigrations {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__.+\\.sql");

    /** One migration script: its version, file name and Flyway checksum. */
    public record Migration(int version, String script, int checksum) {
    }

    private BundledMigrations() {
    }

    /**
     * The migrations under {@code location} ({@code classpath:db/migration/sqlite}), oldest first;
     * empty when the folder cannot be listed (an unknown kind of class path), so callers fall back
     * to Flyway.
     */
    public static Optional<List<Migration>> at(String location) {
        String folder = location.replaceFirst("^classpath:", "");
        try {
            List<String> scripts = scripts(folder);
            if (scripts == null) {
                return Optional.empty();
            }
            List<Migration> migrations = new ArrayList<>();
            for (String script : scripts) {
                migrations.add(read(folder, script));
            }
            return Optional.of(List.copyOf(migrations));
        } catch (IOException | URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The migration script names in {@code folder} on the class path, by version; null when unlistable. */
    private static List<String> scripts(String folder) throws IOException, URISyntaxException {
        TreeSet<String> names = new TreeSet<>();
        for (URL url : Collections.list(loader().getResources(folder))) {
            List<String> listed = list(url, folder);
            if (listed == null) {
                return null;
            }
            names.addAll(listed);
        }
        return names.stream().filter(n -> NAME.matcher(n).matches())
                .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
    }

    private static List<String> list(URL url, String folder) throws IOException, URISyntaxException {
        if ("jar".equals(url.getProtocol())) {
            JarURLConnection jar = (JarURLConnection) url.openConnection();
            jar.setUseCaches(true);
            String prefix = folder + "/";
            return jar.getJarFile().stream().map(e -> e.getName())
                    .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0)
                    .map(n -> n.substring(prefix.length())).toList();
        }
        if ("file".equals(url.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                return files.map(f -> f.getFileName().toString()).toList();
            }
        }
        return null;
    }

    private static Migration read(String folder, String script) throws IOException {
        try (InputStream in = loader().getResourceAsStream(folder + "/" + script)) {
            if (in == null) {
                throw new IOException("missing " + folder + "/" + script);
            }
            return new Migration(version(script), script, checksum(in));
        }
    }

    /** Flyway's checksum: CRC32 over the UTF-8 bytes of every line without its line break, BOM removed. */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line = lines.readLine();
        if (line != null && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        for (; line != null; line = lines.readLine()) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }

    private static int version(String script) {
        Matcher m = NAME.matcher(script);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a migration script: " + script);
        }
        return Integer.parseInt(m.group(1));
    }

    private static ClassLoader loader() {
        return BundledMigrations.class.getClassLoader();
    }
}
