package com.tradevault.app.trading;

/**
 * A business rule that said no to an entry: an expected answer, not a fault.
 *
 * @param detail the numbers behind it, for the log and the decision row
 */
public record Rejection(Reason reason, String detail) implements EntryCheck {

    /** Why an entry was refused; {@link #code()} is what the decision row records as skip reason. */
    public enum Reason {
        TOO_SMALL("too-small"),
        INSUFFICIENT_BALANCE("insufficient-balance"),
        MAX_POSITIONS_REACHED("max-positions-reached");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    @Override
    public String toString() {
        return reason.code() + ": " + detail;
    }
}
