package com.tradevault.app.cli;

import java.util.Locale;

/** Byte counts for people. */
final class Sizes {

    private Sizes() {
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s (%d bytes)", v, units[i], bytes);
    }

    /** "1 row", "3 rows". */
    static String rows(long n) {
        return n == 1 ? "1 row" : n + " rows";
    }
}
