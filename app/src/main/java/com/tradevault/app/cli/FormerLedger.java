package com.tradevault.app.cli;

import com.tradevault.backup.BackupCatalog;
import com.tradevault.backup.BackupEntry;
import com.tradevault.core.AtomicFiles;
import com.tradevault.core.Outcome;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.InterruptedRestore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Signs that a ledger existed where there is none now: a restore that was
 * interrupted, a half-restored file, a set-aside copy, backups. With any of
 * them {@code setup-db} refuses to create an empty ledger (the bot would trade
 * on it) and prints the exact command that brings the old one back.
 */
final class FormerLedger {

    private final Path ledger;
    private final Path backupDir;
    private final String config;

    FormerLedger(Path ledger, Path backupDir, Optional<Path> configFile) {
        this.ledger = ledger.toAbsolutePath();
        this.backupDir = backupDir;
        this.config = configFile.map(f -> " --config " + f.toAbsolutePath()).orElse("");
    }

    /** Fails (exit 1) when the ledger is missing and one existed; does nothing otherwise. */
    void refuseToReplace() {
        if (Files.exists(ledger)) {
            return;
        }
        InterruptedRestore.refuseIfInterrupted(ledger);
        Path halfRestored = AtomicFiles.tempBeside(ledger, "restore");
        List<BackupEntry> backups = new BackupCatalog(backupDir).list();
        Optional<Path> setAside = newestSetAside();
        String restore = backups.isEmpty() ? "" : "'tradevault restore " + backups.get(0).file() + config + "'";
        if (Files.exists(halfRestored)) {
            refuse("a half-restored ledger " + halfRestored + " is there", restore.isEmpty()
                    ? "run the restore you started again: 'tradevault restore FILE" + config + "'" : "run " + restore);
        }
        if (setAside.isPresent()) {
            refuse("the set-aside ledger " + setAside.get() + " is there", "put it back: 'mv " + setAside.get() + " "
                    + ledger + "'" + (restore.isEmpty() ? "" : ", or restore the newest backup: " + restore));
        }
        if (!backups.isEmpty()) {
            refuse(backups.size() + " backup(s) of it are in " + backupDir, "restore the newest: " + restore);
        }
    }

    private void refuse(String evidence, String nextStep) {
        throw new DatabaseProblem(Outcome.FAILURE, "there is no ledger at " + ledger + ", but there was one: " + evidence
                + "; setup-db does not create an empty ledger in its place", nextStep
                + " (docs/backup-restore.md); to start an empty ledger all the same, move those files out of "
                + ledger.getParent() + " and " + backupDir + " first");
    }

    /** The newest {@code tradevault.db.<UTC>.<reason>} beside the ledger (not a -wal or -shm). */
    private Optional<Path> newestSetAside() {
        String prefix = ledger.getFileName() + ".";
        try (Stream<Path> files = Files.list(ledger.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .filter(f -> f.getFileName().toString().substring(prefix.length()).matches("\\d{8}T\\d{6}Z\\.[a-z-]+"))
                    .max(Comparator.comparing(f -> f.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
