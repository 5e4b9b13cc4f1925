package com.tradevault.core;

/**
 * Where a long operation (a migration, a backup, its verification or
 * restore, a VACUUM) reports how far it got, one step at a time: a step
 * starts, counts rows or bytes, and is done. The command line draws it on a
 * terminal and passes {@link #NONE} otherwise.
 */
public interface Progress {

    /** Reports nothing. */
    Progress NONE = new Progress() {
        @Override
        public void start(String step, Unit unit, long total) {
        }

        @Override
        public void start(String step) {
        }

        @Override
        public void advance(long count) {
        }

        @Override
        public void done() {
        }
    };

    /** What a step counts: a terminal shows bytes in MiB, rows with rows per second. */
    enum Unit { BYTES, ROWS }

    /**
     * A step over {@code total} units starts: {@code copy} and {@code verify}
     * count rows; {@code snapshot}, {@code checksum}, {@code encrypting},
     * {@code decrypting} and {@code integrity check} count bytes (a
     * snapshot's total is an estimate). A total of 0 leaves nothing to count,
     * which a terminal shows as the time the step has taken so far.
     */
    void start(String step, Unit unit, long total);

    /**
     * A step with nothing to count starts ({@code indexes, checks},
     * {@code vacuum}, {@code checking}): a terminal shows the time it has
     * taken so far.
     */
    void start(String step);

    /** {@code count} more units of the current step are done; safe to call from several threads. */
    void advance(long count);

    /** The current step is over; nothing happens when no step is under way. */
    void done();
}
