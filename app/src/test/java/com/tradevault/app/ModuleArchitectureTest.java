package com.tradevault.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static java.util.stream.Collectors.toUnmodifiableSet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rules across modules: the dependency direction and the one place that knows the backend. */
class ModuleArchitectureTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.tradevault");

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

    /**
     * The backup module's face: the types other modules use (with their nested types). The rest of its public types
     * (the tar format, the key files' reading, the passphrase) are public only for backup's own packages. A type
     * added here is a decision, not an accident.
     */
    private static final Set<String> BACKUP_FACE = Stream.of(
            face("", "BackupCatalog", "BackupEntry", "BackupKeys", "BackupProblem", "BackupSettings", "CheckingIntegrity",
                    "Compacting", "LedgerRules", "Manifest", "RestoringBackups", "Retention",
                    "ScheduledBackups", "TakingBackups", "VerifyingBackups"),
            face(".pgp", "BackupCipher", "OpeningKey", "SealingKey"),
            face(".replica", "ReplicaCoverage", "ReplicaLogReleased", "ReplicaSession", "ReplicaSettings", "ReplicaStatus", "ReplicaStore",
                    "ReplicaStores", "Replicating", "RestoringReplica", "SftpAccess"))
            .flatMap(types -> types).collect(toUnmodifiableSet());

    private static Stream<String> face(String subpackage, String... types) {
        return Stream.of(types).map(t -> "com.tradevault.backup" + subpackage + "." + t);
    }

    /** Other modules' tests too: a test lives in the module it tests, so it reaches backup through the face. */
    @Test
    void otherModulesUseOnlyTheFaceOfBackup() {
        DescribedPredicate<JavaClass> behindTheFace = DescribedPredicate.describe("are backup's machinery, behind its face",
                c -> (c.getPackageName() + ".").startsWith("com.tradevault.backup.")
                        && !BACKUP_FACE.contains(c.getName().replaceFirst("\\$.*", "")));
        noClasses().that().resideOutsideOfPackage("com.tradevault.backup..").should().dependOnClassesThat(behindTheFace)
                .check(new ClassFileImporter().importPackages("com.tradevault"));
    }

    @Test
    void onlySetupsDatabaseLayerTouchesTheDrivers() {
        noClasses().that().resideOutsideOfPackages("com.tradevault.setup.db..", "com.tradevault.app.exchange.paper..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..", "org.postgresql..").check(ALL);
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
                    .flatMap(f -> lines(f, ".*\"(jdbc:sqlite:|-wal|-shm)\".*")).toList();
        }
        assertEquals(List.of(), spelled, "use com.tradevault.setup.SqliteFile (url(), wal(), shm(), companions())");
    }

    /**
     * Trading's rules over its tables live in app ({@code LedgerInvariants}), which hands them to the backup module's
     * integrity check as {@code LedgerRules}: a string in backup that names a trading table is such a rule gone astray.
     */
    @Test
    void backupNamesNoTradingTable() throws IOException {
        List<String> named;
        try (Stream<Path> files = Files.walk(Path.of("../backup/src/main/java").toAbsolutePath().normalize())) {
            named = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> lines(f, ".*\"[^\"]*\\b(orders|fills|positions)\\b[^\"]*\".*")).toList();
        }
        assertEquals(List.of(), named, "trading's rules go in app and reach backup as a com.tradevault.backup.LedgerRules");
    }

    private static Stream<String> lines(Path source, String regex) {
        try {
            List<String> lines = Files.readAllLines(source);
            return Stream.iterate(0, i -> i < lines.size(), i -> i + 1)
                    .filter(i -> lines.get(i).matches(regex))
                    .map(i -> source.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
