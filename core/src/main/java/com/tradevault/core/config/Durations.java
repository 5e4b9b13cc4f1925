package com.tradevault.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written everywhere in the CLI and config: {@code 500ms}, {@code 90s}, {@code 15m}, {@code 2h}, {@code 7d}. */
public final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    /** The longest duration anything accepts (ten years): longer ones overflow clocks and timers. */
    public static final Duration LONGEST = Duration.ofDays(3650);

    /** The duration {@code text} writes, if it is one and not longer than {@link #LONGEST}. */
    public static Optional<Duration> parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        // more digits than any duration up to LONGEST has in any unit (3650d is 315360000000ms)
        if (!m.matches() || m.group(1).length() > 12) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        Duration d = unit(n, m.group(2));
        return d.compareTo(LONGEST) > 0 ? Optional.empty() : Optional.of(d);
    }

    /**
     * The duration {@code text} writes, within {@code min} and {@code max}, or a
     * problem naming the rule, e.g. "must be a duration from 100ms to 1d, such as 90s, 15m or 2h".
     */
    public static Optional<Duration> parseBetween(String text, Duration min, Duration max) {
        return parse(text).filter(d -> d.compareTo(min) >= 0 && d.compareTo(max) <= 0);
    }

    /** The rule {@link #parseBetween} applies, in words. */
    public static String rule(Duration min, Duration max) {
        return "must be a duration from " + format(min) + " to " + format(max) + ", such as 90s, 15m or 2h";
    }

    private static Duration unit(long n, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** The shortest exact form: {@code 90s}, {@code 15m}, {@code 2h}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0 && ms > 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
