package com.tradevault.app.cli;

import java.math.BigInteger;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a whole-number option within its bounds, so that a value too large
 * for an {@code int} (such as {@code --batch-size 99999999999}) is a usage
 * error that names the rule, never an overflow or a stack trace. Registered
 * for every {@code int} option; options with tighter bounds name a subclass.
 */
class WholeNumbers implements ITypeConverter<Integer> {

    private final int min;
    private final int max;

    WholeNumbers() {
        this(0, Integer.MAX_VALUE);
    }

    WholeNumbers(int min, int max) {
        this.min = min;
        this.max = max;
    }

    @Override
    public Integer convert(String text) {
        try {
            BigInteger n = new BigInteger(text.trim());
            if (n.compareTo(BigInteger.valueOf(min)) >= 0 && n.compareTo(BigInteger.valueOf(max)) <= 0) {
                return n.intValueExact();
            }
        } catch (NumberFormatException e) {
            // reported below with the rule
        }
        throw new TypeConversionException("must be a whole number from " + min + " to " + max);
    }

    /** {@code --batch-size}: rows per batch of a copy. */
    static final class BatchSize extends WholeNumbers {
        BatchSize() {
            super(1, 1_000_000);
        }
    }

    /** How many requests a paper-exchange fault applies to. */
    static final class RequestCount extends WholeNumbers {
        RequestCount() {
            super(0, 1_000_000);
        }
    }
}
