package com.tradevault.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private DbSettings load(Map<String, String> env, String fileText) throws Exception {
        Path file = dir.resolve("tradevault.conf");
        Files.writeString(file, fileText);
        return DbSettings.from(new ConfigLoader(env, ConfigLoader.DATABASE_OVERRIDES).load(Optional.of(file)));
    }

    @Test
    void environmentOverridesTheFileWhichOverridesTheDefaults() throws Exception {
        DbSettings s = load(Map.of("TRADEVAULT_DATA_DIR", dir.resolve("env").toString()),
                "data-dir = /from/file\ndb.busy-timeout = 30s\n");

        assertEquals(dir.resolve("env"), s.dataDir());
        assertEquals("jdbc:sqlite:" + dir.resolve("env/tradevault.db"), s.url().reveal());
        assertEquals(Duration.ofSeconds(30), s.busyTimeout());
        assertEquals(true, s.encryption());
    }

    @Test
    void everyBadValueIsListedWithKeyValueAndRule() {
        ConfigProblem e = assertThrows(ConfigProblem.class, () -> load(Map.of(),
                "db.encryption = maybe\ndb.busy-timeout = soon\ndb.pool-size = 0\ndb.url = \"mysql://x\"\n"));

        assertEquals(Outcome.BAD_USAGE, e.outcome());
        assertEquals(List.of(
                "db.url = mysql://x: must start with jdbc:sqlite: or jdbc:postgresql:",
                "db.encryption = maybe: must be on or off",
                "db.busy-timeout = soon: must be a duration from 1ms to 1h, such as 90s, 15m or 2h",
                "db.pool-size = 0: must be a whole number from 1 to 64"), e.problems());
    }

    @Test
    void misspelledSettingIsRejected() {
        ConfigProblem e = assertThrows(ConfigProblem.class, () -> load(Map.of(), "db.encrpytion = off\n"));

        assertEquals(List.of("db.encrpytion (in " + dir.resolve("tradevault.conf")
                + "): unknown setting; check the spelling against docs/configuration.md"), e.problems());
    }

    @Test
    void missingConfigFileIsNamed() {
        Path missing = dir.resolve("nope.conf");
        ConfigProblem e = assertThrows(ConfigProblem.class,
                () -> new ConfigLoader(Map.of("TRADEVAULT_CONFIG", missing.toString()), Map.of()).load(Optional.empty()));

        assertEquals(List.of("config file " + missing + " does not exist or is not a file"), e.problems());
    }

    @Test
    void passwordsInUrlsAreRedacted() {
        assertEquals("jdbc:postgresql://db:5432/tv?user=tv&password=***",
                DbSettings.redact("jdbc:postgresql://db:5432/tv?user=tv&password=hunter2"));
        assertEquals("jdbc:postgresql://tv:***@db/tv", DbSettings.redact("jdbc:postgresql://tv:hunter2@db/tv"));
    }

    @Test
    void printedSettingsHideThePasswordsOfAPostgresUrlThatTheDriverStillGets() throws Exception {
        String url = "jdbc:postgresql://tv:hunter2@db:5432/tv?user=tv&password=hunter3";
        DbSettings s = load(Map.of(), "db.url = \"" + url + "\"\n");

        assertEquals(url, s.url().reveal());
        assertEquals("jdbc:postgresql://tv:***@db:5432/tv?user=tv&password=***", s.url().toString());
        assertTrue(s.toString().contains("url=jdbc:postgresql://tv:***@db:5432/tv?user=tv&password=***,"),
                s.toString());
        assertFalse(s.toString().contains("hunter"), s.toString());
        assertFalse(s.withPoolOfAtLeast(8).withUrl(url).toString().contains("hunter"));
        assertEquals(s, s.withUrl(url));
    }

    @Test
    void durationsReadAsWrittenInTheCli() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), Durations.parse("90s"));
        assertEquals(Optional.of(Duration.ofMinutes(15)), Durations.parse("15m"));
        assertEquals(Optional.of(Duration.ofHours(2)), Durations.parse("2h"));
        assertEquals(Optional.empty(), Durations.parse("2 hours"));
        assertEquals("15m", Durations.format(Duration.ofMinutes(15)));
        assertEquals("90s", Durations.format(Duration.ofSeconds(90)));
    }
}
