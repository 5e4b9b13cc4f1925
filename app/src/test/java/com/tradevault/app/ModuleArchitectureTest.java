package com.tradevault.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rules across modules: the dependency direction and the one place that knows the backend. */
class ModuleArchitectureTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.tradevault");
    private static final String SQLITE = "com.tradevault.setup.db.sqlite..";
    private static final String POSTGRES = "com.tradevault.setup.db.postgres..";

    @Test
    void setupKnowsNothingOfBackupsOrTrading() {
        noClasses().that().resideInAPackage("com.tradevault.setup..").should().dependOnClassesThat()
                .resideInAnyPackage("com.tradevault.backup..", "com.tradevault.app..").check(ALL);
    }

    @Test
    void backupKnowsNothingOfTrading() {
        noClasses().that().resideInAPackage("com.tradevault.backup..").should().dependOnClassesThat()
                .resideInAPackage("com.tradevault.app..").check(ALL);
    }

    @Test
    void onlyEachBackendsPackageTouchesItsDriver() {
        noClasses().that().resideOutsideOfPackage(SQLITE).should().dependOnClassesThat()
                .resideInAPackage("org.sqlite..").check(ALL);
        noClasses().that().resideOutsideOfPackage(POSTGRES).should().dependOnClassesThat()
                .resideInAPackage("org.postgresql..").check(ALL);
    }

    /**
     * The driver's URL for a file and the names of SQLite's companions are spelled in {@code SqliteFile}
     * alone: a class bytecode rule cannot see string literals, so this one reads the sources of every module.
     */
    @Test
    void onlySqliteFileSpellsTheSqliteUrlAndTheLogsNames() throws IOException {
        List<String> spelled;
        try (Stream<Path> files = Files.walk(Path.of("..").toAbsolutePath().normalize())) {
            spelled = files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                    .filter(f -> !f.getFileName().toString().equals("SqliteFile.java"))
                    .flatMap(ModuleArchitectureTest::sqliteSpellings).toList();
        }
        assertEquals(List.of(), spelled, "use com.tradevault.setup.db.sqlite.SqliteFile (url(), wal(), shm(), companions())");
    }

    private static Stream<String> sqliteSpellings(Path source) {
        try {
            List<String> lines = Files.readAllLines(source);
            return Stream.iterate(0, i -> i < lines.size(), i -> i + 1)
                    .filter(i -> lines.get(i).matches(".*\"(jdbc:sqlite:|-wal|-shm)\".*"))
                    .map(i -> source.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
