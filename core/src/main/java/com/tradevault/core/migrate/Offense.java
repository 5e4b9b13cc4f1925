package com.tradevault.core.migrate;

/**
 * One row that would not survive the move, and why.
 *
 * @param table   the table, or {@code ledger} for a finding of the database's own checks
 * @param row     the row's key (id), or empty when the finding names no row
 * @param column  the offending column, or empty for a finding about the whole row
 * @param problem what is wrong, with the offending value (shortened, control characters escaped)
 */
record Offense(String table, String row, String column, String problem) {

    /** One line for people: {@code orders id 17, status: 'SHIPPED' is not one of …}. */
    public String describe() {
        String where = table + (row.isEmpty() ? "" : " " + row) + (column.isEmpty() ? "" : ", " + column);
        return where + ": " + problem;
    }

    /** A value as it may appear in a message: quoted, at most 40 characters, control characters escaped. */
    static String shown(Object value) {
        if (value == null) {
            return "NULL";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder("'");
        text.codePoints().limit(40).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append(text.codePointCount(0, text.length()) > 40 ? "…'" : "'").toString();
    }
}
