package com.tradevault.app.cli;

import com.tradevault.backup.pgp.OpeningKey;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How the commands that read a backup ({@code backups verify}, {@code restore}) get the key that opens it. */
final class BackupOpeningOptions {

    @Option(names = "--private-key-file", paramLabel = "F", description = {"The OpenPGP private key for backups made in"
            + " public-key mode; its passphrase, if any, in TRADEVAULT_BACKUP_KEY_PASSPHRASE."})
    Path privateKeyFile;

    /** The private key given, or the configured passphrase. */
    OpeningKey key(CommandContext context, CommonOptions common) {
        return context.backupKeys(context.backupSettings(common)).opening(Optional.ofNullable(privateKeyFile));
    }
}
