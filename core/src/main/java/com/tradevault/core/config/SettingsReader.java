package com.tradevault.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed values out of a {@link Config} and collects every problem
 * instead of stopping at the first, so that {@code config check} can list them
 * all. Each problem names the key path, the value and the rule.
 */
public final class SettingsReader {

    private final Config config;
    private final List<String> problems = new ArrayList<>();

    public SettingsReader(Config config) {
        this.config = config;
    }

    public String string(String path) {
        try {
            return config.getString(path);
        } catch (ConfigException e) {
            return problem(path, "must be a string", "");
        }
    }

    /** An optional path: an empty string means "not set". Relative paths are kept as written. */
    public Optional<Path> optionalPath(String path) {
        String value = string(path).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
    }

    public boolean onOff(String path) {
        try {
            return config.getBoolean(path);
        } catch (ConfigException e) {
            return problem(path, "must be on or off", true);
        }
    }

    /** A duration from {@code min} to {@code max}; anything else is a problem that names both bounds. */
    public Duration durationBetween(String path, Duration min, Duration max) {
        return Durations.parseBetween(rawText(path), min, max)
                .orElseGet(() -> problem(path, Durations.rule(min, max), min));
    }

    /**
     * A decimal number written as a string ("100", "0.5") with at most 8
     * decimals, above (or from, when {@code minIncluded}) {@code min} and at
     * most {@code max}; anything else is a problem that names the bounds.
     */
    public BigDecimal decimalBetween(String path, BigDecimal min, boolean minIncluded, BigDecimal max) {
        String rule = "must be a decimal number " + (minIncluded ? "from " : "above ") + min.toPlainString()
                + (minIncluded ? " to " : " and at most ") + max.toPlainString() + " with at most 8 decimals, such as \"100\" or \"0.5\"";
        try {
            BigDecimal v = new BigDecimal(string(path).trim());
            int low = v.compareTo(min);
            boolean ok = (minIncluded ? low >= 0 : low > 0) && v.compareTo(max) <= 0 && v.stripTrailingZeros().scale() <= 8;
            return ok ? v : problem(path, rule, min.max(BigDecimal.ONE.min(max)));
        } catch (NumberFormatException e) {
            return problem(path, rule, min.max(BigDecimal.ONE.min(max)));
        }
    }

    public int intBetween(String path, int min, int max) {
        try {
            int v = config.getInt(path);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (ConfigException e) {
            // reported below with the rule
        }
        return problem(path, "must be a whole number from " + min + " to " + max, min);
    }

    /** A size in bytes written like 512M or 2G (binary units), from {@code min} to {@code max}. */
    public long bytesBetween(String path, long min, long max) {
        try {
            long v = config.getBytes(path);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (ConfigException e) {
            // reported below with the rule
        }
        return problem(path, "must be a size from " + min + " to " + max + " bytes, written like 512M or 2G", min);
    }

    public String oneOf(String path, Set<String> allowed) {
        String v = string(path);
        if (!allowed.contains(v)) {
            return problem(path, "must be one of " + String.join(", ", allowed.stream().sorted().toList()), v);
        }
        return v;
    }

    /** Records a problem with the value at {@code path} and returns {@code fallback} so reading can go on. */
    public <T> T problem(String path, String rule, T fallback) {
        problems.add(path + " = " + rawText(path) + ": " + rule);
        return fallback;
    }

    private String rawText(String path) {
        if (!config.hasPathOrNull(path)) {
            return "(missing)";
        }
        if (config.getIsNull(path)) {
            return "null";
        }
        return config.getValue(path).unwrapped().toString();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Throws a {@link ConfigProblem} listing everything found so far, if anything was. */
    public void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new ConfigProblem(problems);
        }
    }
}
