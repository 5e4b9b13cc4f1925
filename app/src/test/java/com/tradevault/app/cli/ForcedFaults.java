package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Faults forced on a real {@code tradevault} process, as a full or broken server would cause them: a
 * tmpfs with a handful of inodes, or one system call on one path failed by {@code strace -e inject}.
 * Both need root. What the process printed is kept apart (stdout, stderr with its log lines), so a
 * test can say that no secret is anywhere in it.
 */
final class ForcedFaults {

    private ForcedFaults() {
    }

    /** What a child {@code tradevault} printed, and what strace saw (empty when not traced). */
    record ChildRun(int exitCode, String out, String err, String trace) {

        /** The failure report: stderr from its {@code error:} line on (log lines before it left out). */
        String failure() {
            int at = err.indexOf("error: ");
            return at < 0 ? err : err.substring(at);
        }
    }

    /** Mounts a 20 MB tmpfs of {@code inodes} inodes (its root is one) on {@code dir}. */
    static Path tmpfs(Path dir, int inodes) throws Exception {
        Files.createDirectories(dir);
        run("mount", "-t", "tmpfs", "-o", "size=20m,nr_inodes=" + inodes, "tmpfs", dir.toString());
        return dir;
    }

    static void unmount(Path dir) throws Exception {
        run("umount", dir.toString());
    }

    /** Runs {@code tradevault args} in a child JVM with exactly {@code env}. */
    static ChildRun child(Map<String, String> env, Path work, String... args) throws Exception {
        return start(env, work, List.of(), args);
    }

    /**
     * Runs {@code tradevault args} in a child under strace, failing the {@code when}th
     * {@code syscall} on {@code path} with ENOSPC.
     */
    static ChildRun underStrace(Map<String, String> env, Path work, Path path, String syscall, int when,
                                String... args) throws Exception {
        return underStrace(env, work, List.of(path), syscall, when, args);
    }

    /** As above, counting the calls on any of {@code paths} (a name that holds the time it is made, say). */
    static ChildRun underStrace(Map<String, String> env, Path work, List<Path> paths, String syscall, int when,
                                String... args) throws Exception {
        Path trace = work.resolve("strace.out");
        Files.deleteIfExists(trace);
        List<String> strace = new ArrayList<>(List.of("strace", "-f", "-o", trace.toString()));
        paths.forEach(p -> strace.addAll(List.of("-P", p.toString())));
        strace.addAll(List.of("-e", "trace=" + syscall, "-e", "inject=" + syscall + ":error=ENOSPC:when=" + when));
        ChildRun run = start(env, work, strace, args);
        String seen = Files.readString(trace);
        assertTrue(seen.contains(syscall + "(") && seen.contains("(INJECTED)"), "the fault was not injected: " + seen);
        return new ChildRun(run.exitCode(), run.out(), run.err(), seen);
    }

    private static ChildRun start(Map<String, String> env, Path work, List<String> prefix, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "child", ".out");
        Path err = Files.createTempFile(work, "child", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        int code = pb.start().waitFor();
        ChildRun run = new ChildRun(code, Files.readString(out), Files.readString(err), "");
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /**
     * Neither output holds any of {@code secrets}: verbatim, its first 16 characters in any case, as a
     * SQL blob ({@code x'…'}) or URI-encoded.
     */
    static void assertNoSecretIn(ChildRun run, String... secrets) {
        assertNoSecretIn(List.of(run.out(), run.err()), secrets);
    }

    static void assertNoSecretIn(List<String> texts, String... secrets) {
        for (String secret : secrets) {
            for (String text : texts) {
                String lower = text.toLowerCase();
                assertFalse(text.contains(secret), "a secret is in the output: " + text);
                assertFalse(lower.contains(secret.toLowerCase().substring(0, 16)), text);
                assertFalse(lower.contains("x'" + secret.toLowerCase().substring(0, 8)), text);
                assertFalse(text.contains(secret.replace(" ", "%20")), text);
                assertFalse(text.contains(secret.replace(" ", "+")), text);
            }
        }
    }

    /** The run ended with {@code exit} and a failure report matching {@code report} (a regular expression). */
    static void assertFailure(ChildRun run, int exit, String report) {
        assertEquals(exit, run.exitCode(), run.err());
        assertTrue(Pattern.compile(report, Pattern.DOTALL).matcher(run.failure()).matches(),
                "expected\n" + report + "\nbut stderr was\n" + run.err());
    }

    static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (this test needs root): " + output);
        }
    }
}
