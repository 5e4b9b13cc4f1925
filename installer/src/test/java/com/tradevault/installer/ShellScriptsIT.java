package com.tradevault.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every shell script of the bundle and of the source tree passes shellcheck (sourced files followed). */
class ShellScriptsIT {

    @Test
    void shellcheckFindsNothingInAnyScript() {
        assertTrue(Shell.onPath("shellcheck"), "shellcheck is missing: run .ci/run, or apt-get install shellcheck");
        List<Object> args = new ArrayList<>(List.of("shellcheck", "--external-sources"));
        args.add(Bundle.SOURCE.resolve("install.sh"));
        args.add(Bundle.SOURCE.resolve("installer/make-source-bundle.sh"));
        args.add(Bundle.SOURCE.resolve("installer/src/test/resources/sandbox-approximation.sh"));
        args.add(Bundle.SOURCE.resolve("installer/src/test/resources/isolated-host.sh"));
        for (String bench : new String[] {"start-time.sh", "crash-soak.sh", "backup/run.sh", "ledger/run.sh",
                "reconcile/run.sh", "postgres/run.sh", "postgres/budget.sh", "dashboard/run.sh"}) {
            args.add(Bundle.SOURCE.resolve("bench").resolve(bench));
        }
        for (String script : new String[] {"install.sh", "uninstall.sh", "bin/tradevault", "libexec/as-service",
                "libexec/make-cds-archive", "libexec/install-steps.sh", "libexec/install-checks.sh", "libexec/service-user.sh"}) {
            args.add(Bundle.IMAGE.resolve(script));
        }

        assertEquals(new Shell.Result(0, ""), new Shell().run(args.toArray()));
    }
}
