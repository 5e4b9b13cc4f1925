package com.tradevault.app.cli;

import com.tradevault.app.alerts.AlertSettings;
import com.tradevault.app.alerts.DeliveringAlerts;
import com.tradevault.app.alerts.RaisingAlerts;
import com.tradevault.app.alerts.ReplicaLagCheck;
import com.tradevault.app.alerts.Watching;
import com.tradevault.app.alerts.channels.Channels;
import com.tradevault.app.bot.Bot;
import com.tradevault.app.faults.CrashPoints;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.backup.BackupSettings;
import com.tradevault.core.config.DbSettings;
import java.time.Clock;
import java.util.Map;

/**
 * The alerts of a running bot: the delivery thread over the outbox, and the
 * watch on the bot and its reconciliation that writes into it. Closing
 * delivers what the last scan raised, then stops the thread.
 */
final class AlertsWhileRunning implements AutoCloseable {

    private final DeliveringAlerts delivering;

    private AlertsWhileRunning(DeliveringAlerts delivering) {
        this.delivering = delivering;
    }

    /** Starts delivering and has {@code bot} watched. */
    static AlertsWhileRunning start(Bot bot, Ledger ledger, AlertSettings settings, DbSettings db,
                                    BackupSettings backups, ReplicaLagCheck replica, Map<String, String> env,
                                    Clock clock, CrashPoints crashPoints) {
        DeliveringAlerts delivering = new DeliveringAlerts(ledger, Channels.from(settings, env), settings, clock,
                crashPoints)
                .start();
        RaisingAlerts raising = new RaisingAlerts(settings.repeatAfter(), clock, delivering::wake);
        Watching watching = new Watching(ledger, raising, settings, clock, db.dataDir(), backups.dir())
                .watchingReplica(replica);
        bot.watchWith(watching);
        bot.reconciliation().reportTo(watching);
        return new AlertsWhileRunning(delivering);
    }

    @Override
    public void close() {
        delivering.close();
    }
}
