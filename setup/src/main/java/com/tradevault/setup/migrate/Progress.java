package com.tradevault.setup.migrate;

/**
 * Where a long migration reports how far it got; the command line shows it
 * on a terminal and stays quiet otherwise ({@link #NONE}).
 */
public interface Progress {

    /** Reports nothing. */
    Progress NONE = new Progress() {
        @Override
        public void phase(String name, long totalRows) {
        }

        @Override
        public void advance(long rows) {
        }

        @Override
        public void done() {
        }
    };

    /**
     * A new phase ({@code copy}, {@code verify}) over {@code totalRows} rows
     * starts; 0 for a phase without rows to count (building the target's
     * indexes), which a terminal shows as the time it has taken so far.
     */
    void phase(String name, long totalRows);

    /** {@code rows} more rows are done in the current phase. */
    void advance(long rows);

    /** The current phase is over. */
    void done();
}
