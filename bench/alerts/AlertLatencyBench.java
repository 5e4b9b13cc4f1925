import com.tradevault.app.alerts.Alert;
import com.tradevault.app.alerts.AlertChannel;
import com.tradevault.app.alerts.AlertSettings;
import com.tradevault.app.alerts.DeliveringAlerts;
import com.tradevault.app.alerts.RaisingAlerts;
import com.tradevault.app.alerts.Severity;
import com.tradevault.app.alerts.WebhookReceiver;
import com.tradevault.app.alerts.channels.Channels;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.db.Database;
import com.tradevault.core.testing.TestLedgers;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Event to delivery: each round commits one alert to the outbox of an
 * encrypted SQLite ledger (as the watch does after a scan), wakes the delivery
 * thread, and stops the clock when the local webhook (the JDK's HTTP server)
 * has received the signed POST. References from the same run: one bare
 * webhook POST through the same channel, and one bare ledger commit of the
 * same row. Prints median, range and p95 of each.
 */
public final class AlertLatencyBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("tradevault-alert-bench");
        try (WebhookReceiver hook = new WebhookReceiver("bench-secret");
             Database db = TestLedgers.newEncryptedLedger(dir)) {
            Path secret = dir.resolve("webhook.secret");
            Files.createFile(secret, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(secret, "bench-secret\n");
            AlertSettings settings = AlertSettings.from(ConfigFactory.parseString("alerts.webhook { url = \""
                    + hook.url() + "\", secret-file = \"" + secret + "\" }").withFallback(ConfigLoader.reference())
                    .resolve());
            Ledger ledger = JdbcLedgers.on(db);
            List<AlertChannel> channels = Channels.from(settings, Map.of());
            warmUp(ledger, channels, settings, hook);
            report("event -> delivered (outbox, delivery loop, webhook)", endToEnd(n, ledger, channels, settings, hook));
            report("reference: bare webhook POST", barePost(n, channels.get(0)));
            report("reference: bare ledger commit of one outbox row", bareCommit(n, ledger));
        }
    }

    private static Alert alert(int i) {
        return Alert.notice("bench:" + i, "bench", Severity.INFO, "Benchmark alert " + i, "detail", "nothing");
    }

    private static void warmUp(Ledger ledger, List<AlertChannel> channels, AlertSettings settings,
                               WebhookReceiver hook) throws Exception {
        // no bare commit here: its rows would wait in the outbox and be delivered in the measured run
        endToEnd(50, ledger, channels, settings, hook);
        barePost(50, channels.get(0));
    }

    private static List<Double> endToEnd(int n, Ledger ledger, List<AlertChannel> channels, AlertSettings settings,
                                         WebhookReceiver hook) throws Exception {
        List<Double> ms = new ArrayList<>();
        try (DeliveringAlerts loop = new DeliveringAlerts(ledger, channels, settings, Clock.systemUTC()).start()) {
            RaisingAlerts raising = new RaisingAlerts(Duration.ofHours(1), Clock.systemUTC(), loop::wake);
            for (int i = 0; i < n; i++) {
                int before = hook.received().size();
                long t0 = System.nanoTime();
                Alert a = alert(i);
                ledger.transaction(s -> {
                    raising.notice(s, a);
                    return null;
                });
                raising.wake();
                while (hook.received().size() == before) {
                    Thread.onSpinWait();
                }
                ms.add((hook.received().get(before).nanoTime() - t0) / 1e6);
                Thread.sleep(5);
            }
        }
        return ms;
    }

    private static List<Double> barePost(int n, AlertChannel webhook) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            webhook.deliver(alert(i), java.time.Instant.now());
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return ms;
    }

    private static List<Double> bareCommit(int n, Ledger ledger) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Alert a = alert(i);
            ledger.transaction(s -> s.insertAlert(a, java.time.Instant.now()));
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return ms;
    }

    private static void report(String what, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.printf("%-52s n=%d median %.2f ms, range %.2f-%.2f ms, p95 %.2f ms%n", what, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1));
    }
}
