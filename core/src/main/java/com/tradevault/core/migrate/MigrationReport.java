package com.tradevault.core.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tradevault.core.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a migration found and did, printed and written as JSON next to the
 * ledger.
 *
 * @param command       {@code migrate-to-postgres} or {@code migrate-to-sqlite}
 * @param source        where the rows came from (no password)
 * @param target        where they went (no password)
 * @param startedAt     UTC start
 * @param finishedAt    UTC end
 * @param dryRun        whether only the preflight ran
 * @param result        {@code verified}, {@code dry run passed}, {@code preflight failed} or {@code verification failed}
 * @param preflight     every offending row found before copying
 * @param tables        per table: rows and checksums on both sides
 * @param rows          rows copied
 * @param phaseSeconds  seconds spent in each phase (checks, schema, copy, verify)
 * @param seconds       time from start to verified, in seconds
 * @param rowsPerSecond rows copied and verified per second
 */
public record MigrationReport(String command, String source, String target, String startedAt, String finishedAt,
                              boolean dryRun, String result, List<Offense> preflight, List<TableResult> tables,
                              long rows, java.util.Map<String, Double> phaseSeconds, double seconds,
                              long rowsPerSecond) {

    public static final String VERIFIED = "verified";
    static final String DRY_RUN_PASSED = "dry run passed";
    static final String PREFLIGHT_FAILED = "preflight failed";
    static final String VERIFICATION_FAILED = "verification failed";

    /** Whether everything was equal (or, for a dry run, the preflight found nothing). */
    public boolean ok() {
        return VERIFIED.equals(result) || DRY_RUN_PASSED.equals(result);
    }

    /** The failure to report when the run did not end {@link #ok()}, naming the report file. */
    public java.util.Optional<com.tradevault.core.TradevaultException> failure(Path reportFile) {
        if (ok()) {
            return java.util.Optional.empty();
        }
        String message = PREFLIGHT_FAILED.equals(result)
                ? "preflight found " + preflight.size() + " problem(s) in " + source + "; nothing was copied"
                : "verification failed: " + String.join(", ", differingTables()) + " differ(s) between " + source
                + " and " + target + differences();
        String next = PREFLIGHT_FAILED.equals(result)
                ? "fix or remove the rows listed above (all are in " + reportFile + "), then run " + command + " again"
                : "keep using the source, which is unchanged; the details are in " + reportFile;
        return java.util.Optional.of(new com.tradevault.core.TradevaultException(
                com.tradevault.core.Outcome.INTEGRITY_PROBLEM, message, next));
    }

    /** What the catalogs say differs, in parentheses; empty when they agree. */
    private String differences() {
        List<String> found = tables.stream().map(TableResult::difference).filter(d -> !d.isEmpty()).toList();
        return found.isEmpty() ? "" : " (" + String.join("; ", found) + ")";
    }

    /** The tables whose rows or checksums differ. */
    public List<String> differingTables() {
        return tables.stream().filter(t -> !t.equal()).map(TableResult::table).toList();
    }

    /** The report as indented JSON. */
    public String json() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report is plain data", e);
        }
    }

    /** Writes the JSON report atomically to {@code file} (mode 0600: it may quote ledger values). */
    void writeTo(Path file) {
        try {
            OwnerOnly.writeAtomically(file, json() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report " + file, e);
        }
    }

    /** The lines a person reads: the preflight findings, then one line per table. */
    public List<String> lines() {
        List<String> out = new java.util.ArrayList<>();
        preflight.stream().limit(100).forEach(o -> out.add("  problem: " + o.describe()));
        if (preflight.size() > 100) {
            out.add("  … and " + (preflight.size() - 100) + " more problems (all of them are in the JSON report)");
        }
        for (TableResult t : tables) {
            out.add(String.format("  %-16s %10d -> %-10d %s", t.table(), t.sourceRows(), t.targetRows(), verdict(t)));
        }
        return out;
    }

    private String verdict(TableResult t) {
        if (dryRun) {
            return "(dry run)";
        }
        if (!t.difference().isEmpty()) {
            return "DIFFERENT: " + t.difference();
        }
        if (t.sourceChecksum().isEmpty()) {
            return "(not copied)";
        }
        return t.equal() ? "equal (checksum " + t.sourceChecksum().substring(0, 16) + ")"
                : "DIFFERENT (source " + t.sourceChecksum().substring(0, 16) + ", target "
                + t.targetChecksum().substring(0, 16) + ")";
    }
}
