package com.tradevault.core.db;

import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;

/**
 * The database could not be reached for longer than the retry window: the
 * server is down or the network is gone. Retryable: nothing was written by
 * the work that failed, so the caller pauses and tries again later (the bot
 * stops trading until the database is back) rather than giving up.
 */
final class DatabaseUnavailable extends TradevaultException {

    public DatabaseUnavailable(String message, String nextStep, Throwable cause) {
        super(Outcome.FAILURE, message, nextStep, cause);
    }
}
