package com.tradevault.app.dashboard;

import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.trading.Decision;
import com.tradevault.core.db.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Is the bot alive and well: its last scan and how old it is, the exchange
 * (reachable, clock offset, request weight used), disk free, the ledger's
 * size and schema version. Slow facts (the exchange, the ledger's size) are
 * asked at most every {@link #SLOW_EVERY}.
 */
public final class Health {

    /** How often the exchange and the schema version are asked again. */
    static final Duration SLOW_EVERY = Duration.ofSeconds(15);

    /** Asks the exchange how it is; answers a JSON-ready map (never a credential). */
    @FunctionalInterface
    public interface VenueProbe {
        Map<String, Object> probe();
    }

    private final Database database;
    private final int schemaVersion;
    private final Path dataDir;
    private final Duration scanInterval;
    private final VenueProbe venue;
    private final Clock clock;
    private Instant slowAskedAt = Instant.MIN;
    private Map<String, Object> slow = Map.of();

    /** {@code schemaVersion}: the ledger's, checked current when the dashboard started. */
    public Health(Database database, int schemaVersion, Path dataDir, Duration scanInterval, VenueProbe venue,
                  Clock clock) {
        this.database = database;
        this.schemaVersion = schemaVersion;
        this.dataDir = dataDir;
        this.scanInterval = scanInterval;
        this.venue = venue;
        this.clock = clock;
    }

    /** The health facts, the ledger's read from {@code s}. */
    synchronized Map<String, Object> read(LedgerSession s) {
        Instant now = clock.instant();
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<Instant> last = s.lastDecision().map(Decision::decidedAt);
        out.put("lastScan", last.map(Instant::toString).orElse(null));
        long age = last.map(t -> Duration.between(t, now).toSeconds()).orElse(-1L);
        out.put("lastScanAgeSeconds", age);
        out.put("scanning", age >= 0 && age <= Math.max(30, scanInterval.multipliedBy(3).toSeconds()));
        out.put("backend", database.dialect().name());
        out.put("ledger", database.dialect().location());
        out.put("schemaVersion", schemaVersion);
        out.put("diskFreeBytes", diskFree());
        if (!now.isBefore(slowAskedAt.plus(SLOW_EVERY))) {
            slow = slowFacts();
            slowAskedAt = now;
        }
        out.putAll(slow);
        return out;
    }

    private Map<String, Object> slowFacts() {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            out.put("ledgerBytes", database.dialect().sizeBytes(database));
        } catch (SQLException | RuntimeException e) {
            out.put("ledgerProblem", e.getMessage());
        }
        out.put("exchange", venue.probe());
        return out;
    }

    private Long diskFree() {
        try {
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            return null;
        }
    }
}
