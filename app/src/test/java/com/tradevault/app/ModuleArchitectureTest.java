package com.tradevault.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static java.util.stream.Collectors.toUnmodifiableSet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.FileFault;
import com.tradevault.core.db.SnapshotKind;
import com.tradevault.core.db.sqlite.SqliteFile;
import com.tradevault.core.db.sqlite.SqliteFiles;
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
    private static final JavaClasses WITH_TESTS = new ClassFileImporter().importPackages("com.tradevault");
    private static final String CORE = "com.tradevault.core";
    private static final String BACKUP = "com.tradevault.backup";
    private static final String SQLITE = "com.tradevault.core.db.sqlite..";
    private static final String POSTGRES = "com.tradevault.core.db.postgres..";
    private static final String SQLITE_SPELLING = ".*\"(jdbc:sqlite:|-wal|-shm)\".*";
    private static final String BACKEND_QUESTION = ".*(file\\(\\)\\.is(Present|Empty)\\(\\)|endsWith\\(\"\\.db\"\\)"
            + "|startsWith\\(\"jdbc:(sqlite|postgresql)|\"jdbc:postgresql:\"|instanceof (Sqlite|Postgres)Dialect"
            + "|equals\\(\"(SQLite|PostgreSQL)\"\\)|\"(SQLite|PostgreSQL)\"\\.equals).*";

    @Test
    void coreKnowsNothingOfBackupsOrTrading() {
        noClasses().that().resideInAPackage("com.tradevault.core..").should().dependOnClassesThat()
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
            face(BACKUP, "BackupCatalog", "BackupEntry", "BackupKeys", "BackupProblem", "BackupSettings", "CheckingIntegrity",
                    "Compacting", "LedgerRules", "Manifest", "RestoringBackups", "Retention",
                    "ScheduledBackups", "TakingBackups", "VerifyingBackups"),
            face(BACKUP + ".pgp", "BackupCipher", "OpeningKey", "SealingKey"),
            face(BACKUP + ".replica", "ReplicaCoverage", "ReplicaLogReleased", "ReplicaSession", "ReplicaSettings", "ReplicaStatus", "ReplicaStore",
                    "ReplicaStores", "Replicating", "RestoringReplica", "SftpAccess"))
            .flatMap(types -> types).collect(toUnmodifiableSet());

    /**
     * The core module's face: the types other modules use (with their nested types), in their main code, their tests
     * and the bench/ sources ({@code WalFileCopy} is the bench's alone). Of the roles a {@code Dialect} hands out, the
     * face holds those other modules ask: {@code ValueBinding} (the ledger), {@code OwnChecks} ({@code integrity},
     * {@code run}, restores), {@code Maintenance} (backups, {@code vacuum}) and {@code BulkCopy} (a migration test
     * reads the catalog). The rest of core's public types (the dialect's machinery that the backend packages
     * implement: sessions, bulk load, row readers and writers, write transactions; the bundled migrations) are public
     * only for core's own packages. Core's test-jar
     * ({@code com.tradevault.core.testing}: test ledgers, servers) is test code, open to every module's tests.
     */
    private static final Set<String> CORE_FACE = Stream.of(
            face(CORE, "AtomicFiles", "Outcome", "OwnerOnly", "Progress", "SecretText", "TradevaultException"),
            face(CORE + ".config", "ConfigLoader", "ConfigProblem", "DatabaseUrl", "DbSettings", "Durations",
                    "SettingsReader"),
            face(CORE + ".crypto", "LedgerEncryption"),
            face(CORE + ".db", "BackendCheck", "BulkCopy", "CatalogTable", "Database", "DatabaseProblem", "Dialect",
                    "FileFault", "FreeSpace", "InstanceLock", "InterruptedRestore", "LedgerTables", "Maintenance",
                    "OpeningDatabases", "OwnChecks", "RowCounts", "SchemaMigrations", "SettingUpDatabase", "Snapshot",
                    "SnapshotKind", "SqlWork", "ValueBinding"),
            face(CORE + ".db.sqlite", "SqliteFile", "SqliteFiles", "WalFileCopy"),
            face(CORE + ".key", "DbKey", "KeyProblem", "KeyResolver", "ResolvedKey"),
            face(CORE + ".migrate", "MigratingToPostgres", "MigratingToSqlite", "MigrationReport"))
            .flatMap(types -> types).collect(toUnmodifiableSet());

    private static Stream<String> face(String pkg, String... types) {
        return Stream.of(types).map(t -> pkg + "." + t);
    }

    /** Other modules' tests too: a test lives in the module it tests, so it reaches backup through the face. */
    @Test
    void otherModulesUseOnlyTheFaceOfBackup() {
        otherModulesUseOnlyTheFaceOf(BACKUP, BACKUP_FACE);
    }

    /** Other modules' tests too; they may use core's test-jar ({@code com.tradevault.core.testing}) besides. */
    @Test
    void otherModulesUseOnlyTheFaceOfCore() {
        otherModulesUseOnlyTheFaceOf(CORE, CORE_FACE, CORE + ".testing");
    }

    private static void otherModulesUseOnlyTheFaceOf(String module, Set<String> face, String... openPackages) {
        DescribedPredicate<JavaClass> behindTheFace = DescribedPredicate.describe("are " + module + "'s machinery, behind its face",
                c -> (c.getPackageName() + ".").startsWith(module + ".")
                        && Stream.of(openPackages).noneMatch(open -> (c.getPackageName() + ".").startsWith(open + "."))
                        && !face.contains(c.getName().replaceFirst("\\$.*", "")));
        noClasses().that().resideOutsideOfPackage(module + "..").should().dependOnClassesThat(behindTheFace)
                .check(WITH_TESTS);
    }

    @Test
    void onlyEachBackendsPackageTouchesItsDriver() {
        noClasses().that().resideOutsideOfPackage(SQLITE).should().dependOnClassesThat()
                .resideInAPackage("org.sqlite..").check(ALL);
        noClasses().that().resideOutsideOfPackage(POSTGRES).should().dependOnClassesThat()
                .resideInAPackage("org.postgresql..").check(ALL);
    }

    /**
     * Outside the backend packages the backends are reached through the neutral face alone: {@code Dialect}
     * ({@code forUrl}), {@code SnapshotKind} ({@code named}) and {@code FileFault} pick the backend; what only a
     * SQLite file has (its companions, its lock, its encrypted copies) is asked of {@code SqliteFile} and
     * {@code SqliteFiles}.
     */
    @Test
    void outsideTheBackendsOnlyTheNeutralFaceNamesOne() {
        DescribedPredicate<JavaClass> backendInternals = resideInAnyPackage(SQLITE, POSTGRES)
                .and(not(belongToAnyOf(SqliteFile.class, SqliteFiles.class)))
                .as("a backend's classes other than the SQLite file's face (SqliteFile, SqliteFiles)");
        noClasses().that().resideOutsideOfPackages(SQLITE, POSTGRES)
                .and(not(belongToAnyOf(Dialect.class, SnapshotKind.class, FileFault.class)))
                .should().dependOnClassesThat(backendInternals).check(ALL);
    }

    /**
     * No code outside the backend packages asks which backend it is on: not by whether the dialect has a file, not
     * by a snapshot's file name, not by a URL's prefix, not by the dialect's class. A bytecode rule cannot see these,
     * so this one reads the sources of every module.
     */
    @Test
    void onlyTheBackendsAskWhichBackendTheyAre() throws IOException {
        List<String> asked;
        try (Stream<Path> files = Files.walk(Path.of("..").toAbsolutePath().normalize())) {
            asked = files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                    .filter(f -> !f.toString().contains("/core/db/sqlite/") && !f.toString().contains("/core/db/postgres/"))
                    .flatMap(f -> linesMatching(f, BACKEND_QUESTION)).toList();
        }
        assertEquals(List.of(), asked, "ask the dialect (or SnapshotKind, Dialect.supports, Dialect.forServerUrl)");
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
                    .flatMap(f -> linesMatching(f, SQLITE_SPELLING)).toList();
        }
        assertEquals(List.of(), spelled, "use com.tradevault.core.db.sqlite.SqliteFile (url(), wal(), shm(), companions())");
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
                    .flatMap(f -> linesMatching(f, ".*\"[^\"]*\\b(orders|fills|positions)\\b[^\"]*\".*")).toList();
        }
        assertEquals(List.of(), named, "trading's rules go in app and reach backup as a com.tradevault.backup.LedgerRules");
    }

    private static Stream<String> linesMatching(Path source, String pattern) {
        try {
            List<String> lines = Files.readAllLines(source);
            return Stream.iterate(0, i -> i < lines.size(), i -> i + 1)
                    .filter(i -> lines.get(i).matches(pattern))
                    .map(i -> source.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
