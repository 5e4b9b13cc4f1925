package com.tradevault.app.alerts;

import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.orders.StopCoverage;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.Position;
import com.tradevault.backup.BackupCatalog;
import com.tradevault.backup.BackupEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The daily summary at {@code alerts.daily-summary-at} (UTC): realized P&L,
 * open positions and the price of each live stop, the newest backup. Sent once a day: the
 * day of the last one is kept in the ledger, so a restart does not send it twice.
 */
final class DailySummary {

    static final String LAST_DAY = "alerts:daily-summary-day";

    private final Optional<LocalTime> at;
    private final Clock clock;
    private final BackupCatalog backups;

    DailySummary(Optional<LocalTime> at, Clock clock, BackupCatalog backups) {
        this.at = at;
        this.clock = clock;
        this.backups = backups;
    }

    void sendIfDue(LedgerSession s, RaisingAlerts raising) {
        if (at.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        boolean due = !now.isBefore(today.atTime(at.get()).toInstant(ZoneOffset.UTC));
        if (due && !s.keyValue(LAST_DAY).equals(Optional.of(today.toString()))) {
            raising.notice(s, summary(s, today));
            s.putKeyValue(LAST_DAY, today.toString(), now);
        }
    }

    private Alert summary(LedgerSession s, LocalDate day) {
        StopCoverage c = StopCoverage.read(s);
        String positions = c.open() == 0 ? "no open position"
                : c.open() + " open position(s): " + c.covered().size() + " protected by a live stop ("
                + String.join(", ", c.covered().stream().map(p -> stopOf(s, p)).toList()) + ")"
                + (c.uncovered().isEmpty() ? "" : ", UNPROTECTED: " + c.uncoveredNames());
        return Alert.notice("daily-summary:" + day, "daily-summary", c.uncovered().isEmpty()
                        ? Severity.INFO : Severity.WARNING, "Daily summary " + day,
                "Realized P&L: " + s.realizedPnl().signed() + "; " + positions + "; " + newestBackup() + ".",
                c.uncovered().isEmpty() ? "nothing" : "see the unprotected-position alert");
    }

    /** {@code #2 BTCUSDT 0.002, stop 29700}: a protected position and the price of its live stop. */
    private static String stopOf(LedgerSession s, Position p) {
        return "#" + p.id() + " " + p.symbol() + " " + p.quantity() + ", stop " + StopCoverage.liveStop(s, p)
                .flatMap(Order::stopPrice).map(Object::toString).orElse("live");
    }

    private String newestBackup() {
        try {
            List<BackupEntry> list = backups.list();
            return list.isEmpty() ? "no backup in " + backups.dir() : "newest backup " + list.get(0).takenAt();
        } catch (RuntimeException e) {
            return "backups unreadable (" + e.getMessage() + ")";
        }
    }
}
