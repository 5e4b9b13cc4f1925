package com.tradevault.app.trading;

/** The answer to "may we enter, and with how much?": an {@link Entry} or a {@link Rejection}. */
public sealed interface EntryCheck permits Entry, Rejection {
}
