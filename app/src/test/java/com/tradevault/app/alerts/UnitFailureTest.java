package com.tradevault.app.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitFailureTest {

    private static Alert alertFor(String result, String code, String status) {
        return UnitFailure.fromEnvironment(Map.of("MONITOR_SERVICE_RESULT", result, "MONITOR_EXIT_CODE", code,
                "MONITOR_EXIT_STATUS", status)).alert("tradevault.service", "vps1");
    }

    @Test
    void exitThreeIsAnIntegrityProblemWithTheRestoreNextStep() {
        Alert alert = alertFor("exit-code", "exited", "3");

        assertEquals("integrity:tradevault.service", alert.condition());
        assertEquals("integrity-problem", alert.event());
        assertEquals(Severity.CRITICAL, alert.severity());
        assertEquals("tradevault.service stopped on vps1: integrity problem", alert.title());
        assertEquals("tradevault.service: its last run exited with status 3 (systemd's result: exit-code). The"
                + " ledger, or the backup just taken of it, failed an integrity check or is not what it claims to be"
                + " (exit 3; the JVM also exits 3"
                + " when it runs out of memory, the journal says which). Open positions keep the stops already on the"
                + " exchange, but nothing moves them.", alert.detail());
        assertEquals("run 'tradevault integrity'; if it reports damage, restore the newest verified backup with"
                + " 'tradevault restore FILE' (docs/backup-restore.md), then run 'systemctl reset-failed"
                + " tradevault.service' and 'systemctl start tradevault.service'", alert.nextStep());
    }

    @Test
    void exitFourIsAKeyProblemWithTheKeyNextStep() {
        Alert alert = alertFor("exit-code", "exited", "4");

        assertEquals("key-problem", alert.event());
        assertEquals(Severity.CRITICAL, alert.severity());
        assertEquals("tradevault.service stopped on vps1: key problem", alert.title());
        assertEquals("run 'tradevault config check' as the service user; put the right key in"
                + " /etc/tradevault/credentials/db-key (docs/security.md), then run 'systemctl reset-failed"
                + " tradevault.service' and 'systemctl start tradevault.service'", alert.nextStep());
    }

    @Test
    void aBackupThatDidNotVerifyIsAnIntegrityProblem() {
        Alert alert = UnitFailure.fromEnvironment(Map.of("MONITOR_SERVICE_RESULT", "exit-code", "MONITOR_EXIT_CODE",
                "exited", "MONITOR_EXIT_STATUS", "3")).alert("tradevault-backup.service", "vps1");

        assertEquals("integrity-problem", alert.event());
        assertEquals("tradevault-backup.service stopped on vps1: integrity problem", alert.title());
    }

    @Test
    void theLastExitCodeCountsWhenSystemdGaveUpOnTheStartLimit() {
        assertEquals("integrity-problem", alertFor("start-limit-hit", "exited", "3").event());
    }

    @Test
    void badConfigurationAndASecondInstanceSayWhatToFix() {
        Alert config = alertFor("exit-code", "exited", "2");
        Alert locked = alertFor("exit-code", "exited", "5");

        assertEquals("unit-failed", config.event());
        assertEquals("run 'tradevault config check', fix what it names, then run 'systemctl reset-failed"
                + " tradevault.service' and 'systemctl start tradevault.service'", config.nextStep());
        assertEquals("stop the other process (see 'tradevault status'), then run 'systemctl reset-failed"
                + " tradevault.service' and 'systemctl start tradevault.service'", locked.nextStep());
    }

    @Test
    void aHungLoopKilledByTheWatchdogIsNamed() {
        Alert alert = alertFor("watchdog", "killed", "QUIT");

        assertEquals("unit-failed", alert.event());
        assertEquals("systemd put tradevault.service in the failed state; its last run was killed by QUIT (systemd's"
                + " result: watchdog): its scan loop hung and the watchdog killed it. The bot kept failing and systemd"
                + " gave up restarting it, or the backup did not complete. Open positions keep the stops already on"
                + " the exchange, but nothing moves them.", alert.detail());
    }

    @Test
    void withoutSystemdsVariablesItIsTheGenericUnitFailed() {
        Alert alert = UnitFailure.fromEnvironment(Map.of()).alert("tradevault-backup.service", "vps1");

        assertEquals("unit-failed:tradevault-backup.service", alert.condition());
        assertEquals("tradevault-backup.service failed on vps1", alert.title());
        assertEquals("read 'journalctl -u tradevault-backup.service -n 50', fix the cause, then run 'systemctl"
                + " reset-failed tradevault-backup.service' and 'systemctl start tradevault-backup.service'",
                alert.nextStep());
    }

    @Test
    void aSignalIsNotReadAsAnExitCode() {
        assertEquals("unit-failed", alertFor("signal", "killed", "4").event());
    }
}
