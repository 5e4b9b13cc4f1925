package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcileCommandTest {

    @TempDir
    Path dir;

    private Map<String, String> env;

    @BeforeEach
    void environment() throws Exception {
        Path config = dir.resolve("fast.conf");
        Files.writeString(config, "paper.feed.tick-interval = 20ms\n");
        env = new HashMap<>(TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX, "TRADEVAULT_CONFIG",
                config.toString()));
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());
    }

    @Test
    void reconcileOnAnAgreeingLedgerSaysSoAndExitsZero() {
        CliRun run = CliRun.of(env, "reconcile");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("reconciliation: ledger and exchange agree; 0 open position(s), each with one live stop\n",
                run.out());
    }

    @Test
    void dryRunPrintsThePlanAsJsonAndChangesNothing() throws Exception {
        CliRun run = CliRun.of(env, "reconcile", "--dry-run", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertTrue(plan.get("dryRun").asBoolean());
        assertTrue(plan.get("agrees").asBoolean());
        assertEquals(0, plan.get("steps").size());
    }

    @Test
    void reconcileRefusesWhileTheBotHoldsTheLedger() {
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        CliRun run;
        try (Database db = opening.openExisting(); InstanceLock lock = db.dialect().lockForWriting(db)) {
            run = CliRun.of(env, "reconcile");
        }
        assertEquals(5, run.exitCode());
        assertTrue(run.err().startsWith("error: ledger " + dir.resolve("data/tradevault.db")
                + " is in use by another tradevault process (PID " + ProcessHandle.current().pid() + ")"), run.err());
    }

    @Test
    void anUnreachableExchangeFailsAfterItsAttemptsWithTheNextStep() throws Exception {
        Files.writeString(dir.resolve("fast.conf"), "exchange.max-retries = 0\nreconcile.retry-backoff = 50ms\n");
        env.put("TRADEVAULT_EXCHANGE_URL", "http://127.0.0.1:1");
        env.put("TRADEVAULT_EXCHANGE_API_KEY", "test-key");
        env.put("TRADEVAULT_EXCHANGE_API_SECRET", "test-secret");
        CliRun run = CliRun.of(env, "reconcile");
        assertEquals(1, run.exitCode());
        String[] lines = run.err().split("\n");
        assertTrue(lines[0].startsWith("error: cannot reach the exchange after 4 attempts: cannot connect to"
                + " http://127.0.0.1:1"), lines[0]);
        assertEquals("next: check exchange.url / TRADEVAULT_EXCHANGE_URL and the network, then run 'tradevault"
                + " reconcile' again", lines[lines.length - 1]);
        assertTrue(!run.err().contains("test-secret"));
    }

    @Test
    void reconcileWithAnUnknownPolicyIsBadUsageNamingTheKey() throws Exception {
        Files.writeString(dir.resolve("fast.conf"), "reconcile.market-through-stop = panic\n");
        CliRun run = CliRun.of(env, "reconcile");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("reconcile.market-through-stop = panic: must be one of alert-only,"
                + " exit-at-market"), run.err());
    }
}
