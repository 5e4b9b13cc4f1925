package com.tradevault.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real command (the bundle's scripts, shellcheck, systemd-analyze) and keeps what it printed. */
final class Shell {

    /** What a finished command left: its exit code and its stdout and stderr together. */
    record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit " + exitCode + ":\n" + output;
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private final List<String> prefix = new ArrayList<>();
    private boolean cleanEnvironment;

    /** Runs with only PATH=/usr/bin:/bin and what {@link #env} adds, as {@code env -i} would. */
    Shell clean() {
        cleanEnvironment = true;
        env.put("PATH", "/usr/bin:/bin");
        return this;
    }

    Shell env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Runs every command as this uid/gid (through setpriv), as a non-root operator would. */
    Shell as(int uid, int gid) {
        prefix.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
        return this;
    }

    Result run(Object... command) {
        List<String> args = new ArrayList<>(prefix);
        for (Object c : command) {
            args.add(c.toString());
        }
        try {
            Path out = Files.createTempFile("shell", ".out");
            ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            if (cleanEnvironment) {
                pb.environment().clear();
            }
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + args);
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Files.delete(out);
            return new Result(p.exitValue(), text);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + args + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + args, e);
        }
    }

    static boolean onPath(String tool) {
        return new Shell().run("sh", "-c", "command -v " + tool).exitCode() == 0;
    }
}
