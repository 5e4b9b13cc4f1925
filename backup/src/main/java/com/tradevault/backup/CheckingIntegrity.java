package com.tradevault.backup;

import com.tradevault.core.db.BackendCheck;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.OwnChecks;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code tradevault integrity}: the backend's page check, foreign keys, a
 * full read that authenticates every page of an encrypted file, and the
 * ledger's own rules (which its owner supplies). Each check gives one verdict;
 * checks the backend does itself (PostgreSQL) are reported as skipped, with
 * what to use instead.
 */
public final class CheckingIntegrity {

    private static final int SHOWN = 5;

    private final OpeningDatabases opening;
    private final LedgerRules rules;

    public CheckingIntegrity(OpeningDatabases opening, LedgerRules rules) {
        this.opening = opening;
        this.rules = rules;
    }

    /** How one check came out. */
    public enum Status { OK, PROBLEM, SKIPPED }

    /**
     * One check's verdict.
     *
     * @param check  what was checked
     * @param status how it came out
     * @param detail what was found, or why it was skipped
     */
    public record Verdict(String check, Status status, String detail) {
    }

    /** All verdicts; {@link #clean()} when none found a problem. */
    public record Report(String ledger, List<Verdict> verdicts) {
        public boolean clean() {
            return verdicts.stream().noneMatch(v -> v.status() == Status.PROBLEM);
        }
    }

    public Report check(boolean quick) {
        try (Database db = opening.openExisting(); Connection c = db.connect()) {
            OwnChecks checks = db.dialect().checks();
            List<Verdict> verdicts = new ArrayList<>();
            verdicts.add(pages(checks, c, quick));
            verdicts.add(foreignKeys(checks, c));
            verdicts.add(fullRead(checks, c, db.encrypted()));
            verdicts.addAll(rules(c));
            return new Report(db.dialect().location(), verdicts);
        } catch (SQLException e) {
            return new Report(opening.dialect().location(), List.of(new Verdict("opening the ledger", Status.PROBLEM,
                    e.getMessage())));
        }
    }

    private static Verdict pages(OwnChecks checks, Connection c, boolean quick) {
        String name = quick ? "quick_check" : "integrity_check";
        try {
            BackendCheck<List<String>> check = checks.storageProblems(c, quick);
            return listVerdict(name, check.result(), "no problems", check.otherwise());
        } catch (SQLException e) {
            return new Verdict(name, Status.PROBLEM, e.getMessage());
        }
    }

    private static Verdict foreignKeys(OwnChecks checks, Connection c) {
        try {
            BackendCheck<List<String>> check = checks.foreignKeyProblems(c);
            return listVerdict("foreign keys", check.result(), "every reference resolves", check.otherwise());
        } catch (SQLException e) {
            return new Verdict("foreign keys", Status.PROBLEM, e.getMessage());
        }
    }

    private static Verdict fullRead(OwnChecks checks, Connection c, boolean encrypted) {
        try {
            BackendCheck<Long> check = checks.readEveryPage(c);
            Optional<Long> pages = check.result();
            if (pages.isEmpty()) {
                return new Verdict("full read", Status.SKIPPED, check.otherwise());
            }
            return new Verdict("full read", Status.OK, pages.get() + " pages read"
                    + (encrypted ? ", each one authenticated (HMAC)" : ""));
        } catch (SQLException e) {
            return new Verdict("full read", Status.PROBLEM, e.getMessage());
        }
    }

    private List<Verdict> rules(Connection c) {
        try {
            return rules.check(c).stream().map(f -> listVerdict(f.rule(), Optional.of(f.violations()),
                    "holds", "")).toList();
        } catch (SQLException e) {
            return List.of(new Verdict("ledger invariants", Status.PROBLEM, e.getMessage()));
        }
    }

    private static Verdict listVerdict(String check, Optional<List<String>> problems, String clean, String skipped) {
        if (problems.isEmpty()) {
            return new Verdict(check, Status.SKIPPED, skipped);
        }
        List<String> found = problems.get();
        if (found.isEmpty()) {
            return new Verdict(check, Status.OK, clean);
        }
        String shown = String.join("; ", found.subList(0, Math.min(SHOWN, found.size())));
        return new Verdict(check, Status.PROBLEM, found.size() + " found: " + shown
                + (found.size() > SHOWN ? "; ..." : ""));
    }
}
