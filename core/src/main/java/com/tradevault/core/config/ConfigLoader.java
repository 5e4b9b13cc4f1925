package com.tradevault.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the effective configuration once: environment overrides over the
 * user's file ({@code --config FILE} or {@code TRADEVAULT_CONFIG}) over every
 * module's {@code reference.conf}. Only the command line's edge calls this.
 */
public final class ConfigLoader {

    /** The environment variables of this module that override a setting, with the setting they override. */
    public static final Map<String, String> DATABASE_OVERRIDES = Map.of(
            "TRADEVAULT_DATA_DIR", "data-dir",
            "TRADEVAULT_DB_URL", "db.url",
            "TRADEVAULT_DB_KEY_FILE", "db.key-file");

    private final Map<String, String> env;
    private final Map<String, String> overrides;

    /**
     * @param env       the process environment
     * @param overrides environment variable name to the setting it overrides; other modules add theirs
     *                  to {@link #DATABASE_OVERRIDES}
     */
    public ConfigLoader(Map<String, String> env, Map<String, String> overrides) {
        this.env = Map.copyOf(env);
        this.overrides = Map.copyOf(overrides);
    }

    /** Loads and checks the configuration; {@code explicitFile} wins over {@code TRADEVAULT_CONFIG}. */
    public Config load(Optional<Path> explicitFile) {
        Config reference = reference();
        Optional<Path> file = explicitFile.or(() -> envValue("TRADEVAULT_CONFIG").map(Path::of));
        Config user = file.map(ConfigLoader::parseFile).orElse(ConfigFactory.empty());
        List<String> unknown = unknownKeys(user, reference, file);
        if (!unknown.isEmpty()) {
            throw new ConfigProblem(unknown);
        }
        Config merged = environment().withFallback(user).withFallback(reference).resolve();
        try {
            merged.checkValid(reference);
        } catch (ConfigException.ValidationFailed e) {
            List<String> problems = new ArrayList<>();
            e.problems().forEach(p -> problems.add(p.path() + ": " + p.problem()));
            throw new ConfigProblem(problems);
        }
        return merged;
    }

    /** Every module's defaults, merged. */
    public static Config reference() {
        return ConfigFactory.parseResourcesAnySyntax("reference").resolve();
    }

    private static Config parseFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigProblem("config file " + file + " does not exist or is not a file");
        }
        try {
            return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new ConfigProblem("config file " + file + " cannot be parsed: " + e.getMessage());
        }
    }

    private Config environment() {
        Map<String, Object> values = new HashMap<>();
        overrides.forEach((var, path) -> envValue(var).ifPresent(v -> values.put(path, v)));
        return ConfigFactory.parseMap(values, "environment");
    }

    private Optional<String> envValue(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    private static List<String> unknownKeys(Config user, Config reference, Optional<Path> file) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> e : user.entrySet()) {
            if (!reference.hasPathOrNull(e.getKey()) && !underOpenSection(e.getKey(), reference)) {
                problems.add(e.getKey() + " (in " + file.map(Path::toString).orElse("?")
                        + "): unknown setting; check the spelling against docs/configuration.md");
            }
        }
        problems.sort(String::compareTo);
        return problems;
    }

    /** Sections whose reference value is an empty object accept any keys (maps such as per-symbol settings). */
    private static boolean underOpenSection(String path, Config reference) {
        String prefix = path;
        int dot;
        while ((dot = prefix.lastIndexOf('.')) > 0) {
            prefix = prefix.substring(0, dot);
            if (reference.hasPath(prefix) && reference.getValue(prefix).valueType()
                    == com.typesafe.config.ConfigValueType.OBJECT && reference.getConfig(prefix).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
