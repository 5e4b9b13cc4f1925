package com.tradevault.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs real programs (gpg, tar, sqlite3) for the tests, failing with their output when they fail. */
final class Processes {

    private Processes() {
    }

    /** Runs {@code command} with {@code env} added, stdout to {@code stdout} (or discarded); returns the exit code. */
    static int run(List<String> command, Map<String, String> env, Path stdout) throws IOException, InterruptedException {
        Path log = Files.createTempFile("proc", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile());
        pb.environment().putAll(env);
        pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command + " timed out");
        }
        lastError = Files.readString(log);
        Files.delete(log);
        return p.exitValue();
    }

    static String lastError = "";

    static void ok(List<String> command, Map<String, String> env, Path stdout) throws IOException, InterruptedException {
        int code = run(command, env, stdout);
        if (code != 0) {
            throw new IOException(command + " exited " + code + ": " + lastError);
        }
    }
}
