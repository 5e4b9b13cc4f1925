package com.tradevault.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The checks a backend makes of its own storage (pages, indexes, references), or says it leaves to
 * its server. {@code integrity}, {@code run}'s start, restores and migrations' preflight use them.
 * One of the roles a {@link Dialect} hands out ({@link Dialect#checks()}).
 */
public interface OwnChecks {

    /**
     * The backend's own page-level consistency check ({@code integrity_check}
     * or {@code quick_check} on SQLite); problems found, or left to the server
     * that checks its own pages (PostgreSQL).
     */
    BackendCheck<List<String>> storageProblems(Connection connection, boolean quick) throws SQLException;

    /**
     * A quick check of only the pages that hold {@code tables} and their
     * indexes (what a command is about to read); problems found, none where
     * the server checks its own pages (PostgreSQL).
     */
    default List<String> quickCheck(Connection connection, List<String> tables) throws SQLException {
        return List.of();
    }

    /** Rows that break a foreign key; left to the server where it enforces them on every write (PostgreSQL). */
    BackendCheck<List<String>> foreignKeyProblems(Connection connection) throws SQLException;

    /**
     * Reads every table and index page, so that an encrypted file
     * authenticates each one; returns the pages read, or left to the server
     * where this does not apply (PostgreSQL).
     */
    BackendCheck<Long> readEveryPage(Connection connection) throws SQLException;

    /**
     * What the backend's own checks find wrong with the stored data (damaged
     * pages or indexes, rows referring to missing rows), one line per problem
     * naming the table and the row; empty when clean or when the server
     * enforces these itself. {@code thorough} also cross-checks every index
     * against its table (slower); without it, page structure, NOT NULL and
     * CHECK constraints and references are still checked.
     */
    List<String> integrityProblems(Connection connection, boolean thorough) throws SQLException;
}
