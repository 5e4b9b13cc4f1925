package com.tradevault.core.db;

import java.util.Optional;

/**
 * What one of the backend's own checks found, or, where the backend leaves
 * that check to its server, what the operator can do instead.
 *
 * @param result    what the check found; empty where it does not apply
 * @param otherwise where it does not apply: why, and what to run instead
 * @param <T>       what the check finds
 */
public record BackendCheck<T>(Optional<T> result, String otherwise) {

    /** A check that ran and found {@code result}. */
    public static <T> BackendCheck<T> found(T result) {
        return new BackendCheck<>(Optional.of(result), "");
    }

    /** A check the server does itself, so the backend does not run it: {@code otherwise} says what to do. */
    public static <T> BackendCheck<T> leftToServer(String otherwise) {
        return new BackendCheck<>(Optional.empty(), otherwise);
    }
}
