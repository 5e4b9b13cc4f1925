package com.tradevault.app.supervision;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the bot tells the service manager that runs it: that it is ready (the
 * startup reconciliation is done), that its scan loop is alive, and that it is
 * stopping. Under systemd ({@code NOTIFY_SOCKET} set) these are the notify
 * protocol's {@code READY=1}, {@code WATCHDOG=1} and {@code STOPPING=1}; a hung
 * loop stops the {@code WATCHDOG=1} messages and systemd restarts the bot.
 * Elsewhere every call does nothing.
 */
public interface Supervisor {

    /** A supervisor that is told nothing: outside systemd. */
    Supervisor NONE = new Supervisor() {
        @Override
        public void ready(String status) {
        }

        @Override
        public void alive() {
        }

        @Override
        public void status(String status) {
        }

        @Override
        public void startingFor(Duration more) {
        }

        @Override
        public void stopping() {
        }

        @Override
        public Optional<Duration> aliveEvery() {
            return Optional.empty();
        }
    };

    /** Start-up is complete: the bot has reconciled and trades from now on. */
    void ready(String status);

    /** The scan loop went round once more. Only the loop itself calls this, so a stuck loop goes silent. */
    void alive();

    /** A one-line status shown by {@code systemctl status}. */
    void status(String status);

    /** Start-up goes on (waiting for the exchange): extends the start time-out by {@code more}. */
    void startingFor(Duration more);

    /** The bot is stopping cleanly. */
    void stopping();

    /** How often {@link #alive()} must come at the least (half the watchdog time); empty: no watchdog. */
    Optional<Duration> aliveEvery();

    /** The supervisor this process runs under, read from its environment. */
    static Supervisor fromEnvironment(Map<String, String> env) {
        return SystemdNotify.fromEnvironment(env).<Supervisor>map(n -> n).orElse(NONE);
    }
}
