package com.tradevault.app.cli;

import com.tradevault.core.migrate.MigrationReport;
import java.io.PrintWriter;

/** What {@code migrate-to-postgres} and {@code migrate-to-sqlite} print when they are done. */
final class MigrationSummary {

    private MigrationSummary() {
    }

    /** The report's lines, the verified row count and rate, and where the report file is. */
    static void print(PrintWriter out, MigrationReport report, String reportFile) {
        out.println(report.command() + ": " + report.source() + " -> " + report.target());
        report.lines().forEach(out::println);
        if (MigrationReport.VERIFIED.equals(report.result())) {
            out.println("Verified: " + report.rows() + " rows copied and compared in " + report.seconds() + " s ("
                    + report.rowsPerSecond() + " rows/s).");
        }
        out.println("Report: " + reportFile);
        out.flush();
    }
}
