package com.tradevault.app.exchange;

/**
 * The venue's clock minus ours, from one time request: the venue's time
 * {@code server} was read somewhere between our {@code before} and
 * {@code after}. When it falls inside that round trip the two clocks cannot be
 * told apart and the offset is 0; otherwise it is measured from the middle of
 * the round trip.
 */
public final class ClockOffset {

    private ClockOffset() {
    }

    /** In milliseconds, all three in epoch milliseconds. */
    public static long millis(long before, long server, long after) {
        if (server >= before && server <= after) {
            return 0;
        }
        return server - Math.floorDiv(before + after, 2);
    }
}
