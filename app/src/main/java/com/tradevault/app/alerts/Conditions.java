package com.tradevault.app.alerts;

import com.tradevault.app.trading.Position;
import com.tradevault.backup.replica.ReplicaStatus;
import com.tradevault.core.config.Durations;
import java.time.Duration;
import java.util.List;

/**
 * The alerts the bot raises, each with its condition, severity and next
 * step, in one place so that their words stay consistent (docs/alerts.md
 * lists them).
 */
public final class Conditions {

    private Conditions() {
    }

    public static Alert unprotected(Position p) {
        return Alert.raised("unprotected:" + p.symbol(), "position-unprotected", Severity.CRITICAL,
                p.symbol() + " position has no live stop on the exchange",
                "Position " + p.id() + " (" + p.quantity() + " " + p.symbol() + ") is open and no stop the exchange"
                        + " acknowledged protects it; new entries in " + p.symbol() + " are blocked.",
                "run 'tradevault reconcile --dry-run' to see why; place a stop or close the position on the exchange"
                        + " if the bot cannot");
    }

    public static Alert protectedAgain(String symbol) {
        return Alert.recovered("unprotected:" + symbol, "position-protected",
                symbol + " is protected again", "The open " + symbol + " position has a live stop on the exchange"
                        + " again, or it was closed.");
    }

    public static Alert needsHuman(String subject, String kind, String message) {
        return Alert.raised("reconciliation:" + kind + ":" + subject, "reconciliation-finding", Severity.CRITICAL,
                "Reconciliation found something a human must look at: " + kind + " " + subject, message,
                "read the reconciliation report ('journalctl -u tradevault' or 'tradevault reconcile --dry-run') and"
                        + " settle it on the exchange or in the ledger");
    }

    public static Alert unsettled(List<String> blocked) {
        return Alert.raised("reconciliation:unsettled", "reconciliation-unsettled", Severity.CRITICAL,
                "Reconciliation did not settle", "The last reconciliation left work undone"
                        + (blocked.isEmpty() ? "." : "; new entries are blocked: " + String.join("; ", blocked)),
                "run 'tradevault reconcile --dry-run' and fix what it names; the bot keeps trying");
    }

    public static Alert settled() {
        return Alert.recovered("reconciliation:unsettled", "reconciliation-settled", "Reconciliation settled again",
                "Every open position has its stop and the ledger agrees with the exchange.");
    }

    public static Alert exchangeDown(Duration down, String why) {
        return Alert.raised("exchange-down", "exchange-down", Severity.CRITICAL,
                "The exchange has not answered for " + Durations.format(down), "Last error: " + why
                        + ". Stops already placed stay on the exchange; the bot cannot move them or trade.",
                "check the server's network and the exchange's status page; a 418 means the IP is banned for a while");
    }

    public static Alert exchangeBack(Duration down) {
        return Alert.recovered("exchange-down", "exchange-up", "The exchange answers again",
                "It answered again after about " + Durations.format(down) + ".");
    }

    public static Alert backupOverdue(String since, Duration limit) {
        return Alert.raised("backup-overdue", "backup-overdue", Severity.WARNING,
                "No successful backup for more than " + Durations.format(limit), since,
                "run 'systemctl start tradevault-backup' and read 'journalctl -u tradevault-backup'");
    }

    public static Alert backupBack() {
        return Alert.recovered("backup-overdue", "backup-ok", "Backups are current again",
                "A new verified backup was taken.");
    }

    public static Alert diskLow(String where, long free, long min) {
        return Alert.raised("disk-low", "disk-low", Severity.WARNING, "Free disk space is low under " + where,
                mib(free) + " free, below alerts.min-free-disk (" + mib(min) + "). A full disk stops the ledger.",
                "free space (old backups: 'tradevault backups prune'; logs: 'journalctl --vacuum-size') or grow"
                        + " the disk");
    }

    public static Alert diskOk(String where, long free) {
        return Alert.recovered("disk-low", "disk-ok", "Free disk space is back under " + where, mib(free) + " free.");
    }

    static Alert replicaLagging(ReplicaStatus s, Duration maxLag) {
        return Alert.raised("replica-lag", "replica-lag", Severity.WARNING,
                "The replica is " + s.lagSeconds() + " s behind the ledger",
                "Over replica.max-lag (" + Durations.format(maxLag) + "): " + s.lagBytes() + " bytes of committed log"
                        + " not shipped; the last shipped at " + s.lastShipped() + " (generation " + s.generation()
                        + ", segment " + s.lastSegment() + "). A lost disk now loses more than the replica promises.",
                REPLICA_STEP);
    }

    static Alert replicaUnreadable(String why, Duration maxLag) {
        return Alert.raised("replica-lag", "replica-lag", Severity.WARNING, "The replica cannot be checked",
                why + ". Its lag cannot be shown to be within replica.max-lag (" + Durations.format(maxLag) + ").",
                REPLICA_STEP);
    }

    static Alert replicaCaughtUp(ReplicaStatus s) {
        return Alert.recovered("replica-lag", "replica-ok", "The replica has caught up",
                "It is " + s.lagSeconds() + " s and " + s.lagBytes() + " bytes behind (generation " + s.generation()
                        + ", segment " + s.lastSegment() + ").");
    }

    private static final String REPLICA_STEP = "run 'tradevault replica status'; check 'systemctl status"
            + " tradevault-replicate' and 'journalctl -u tradevault-replicate', and that replica.url is reachable";

    public static Alert restartedAfterCrash() {
        return Alert.notice("restart-after-crash", "restarted-after-crash", Severity.WARNING,
                "The bot restarted after a crash", "The last run did not stop cleanly (killed, crashed or the"
                        + " server lost power). The bot reconciles with the exchange before it trades again.",
                "nothing if the next alerts stay quiet; 'journalctl -u tradevault -b -1' shows how the last run ended");
    }

    /** A unit failed for a reason its exit code does not name: a crash loop, a hung loop, a failed backup. */
    static Alert unitFailed(String unit, String host, String how, String firstSteps) {
        return Alert.raised("unit-failed:" + unit, "unit-failed", Severity.CRITICAL,
                unit + " failed on " + host,
                "systemd put " + unit + " in the failed state; " + how + ". The bot kept failing and systemd gave"
                        + " up restarting it, or the backup did not complete. Open positions keep the stops already on"
                        + " the exchange, but nothing moves them.", firstSteps + restart(unit));
    }

    /**
     * A unit stopped with exit 3: the bot found its ledger damaged (at start, or a write failed), or the
     * backup's verification failed (tradevault-backup.service).
     */
    static Alert integrityProblem(String unit, String host, String how) {
        return Alert.raised("integrity:" + unit, "integrity-problem", Severity.CRITICAL,
                unit + " stopped on " + host + ": integrity problem",
                unit + ": " + how + ". The ledger, or the backup just taken of it,"
                        + " failed an integrity check or is not what it claims to be (exit 3; the JVM also exits 3 when it runs out of memory, the"
                        + " journal says which). Open positions keep the stops already on the exchange, but nothing"
                        + " moves them.",
                "run 'tradevault integrity'; if it reports damage, restore the newest verified backup with"
                        + " 'tradevault restore FILE' (docs/backup-restore.md), then" + restart(unit));
    }

    /** The bot stopped with exit 4: the key is missing, wrong, or does not match the ledger's encryption. */
    static Alert keyProblem(String unit, String host, String how) {
        return Alert.raised("key:" + unit, "key-problem", Severity.CRITICAL,
                unit + " stopped on " + host + ": key problem",
                unit + ": " + how + ". The ledger's key is missing or wrong, or the"
                        + " ledger's encryption does not match the configuration (exit 4); systemd does not restart"
                        + " it. Open positions keep the stops already on the exchange, but nothing moves them.",
                "run 'tradevault config check' as the service user; put the right key in"
                        + " /etc/tradevault/credentials/db-key (docs/security.md), then" + restart(unit));
    }

    private static String restart(String unit) {
        return " run 'systemctl reset-failed " + unit + "' and 'systemctl start " + unit + "'";
    }

    public static Alert test(String host) {
        return Alert.notice("test", "test", Severity.INFO, "Test alert from tradevault on " + host,
                "If you read this, this channel works.", "nothing");
    }

    private static String mib(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }
}
