package com.tradevault.app.cli;

import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import java.util.Optional;

/** A separate process that holds the ledger's instance lock until it is killed (for lock tests). */
public final class HoldLedgerLock {

    private HoldLedgerLock() {
    }

    public static void main(String[] args) throws Exception {
        var env = System.getenv();
        var settings = DbSettings.from(new ConfigLoader(env, ConfigLoader.DATABASE_OVERRIDES).load(Optional.empty()));
        Database db = new OpeningDatabases(settings, new KeyResolver(env)).openExisting();
        InstanceLock lock = db.dialect().lockForWriting(db);
        System.out.println("LOCKED " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(120_000);
        lock.close();
    }
}
