package com.tradevault.core.migrate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * JSON in a form that does not depend on how it was stored: keys sorted,
 * no whitespace, numbers as PostgreSQL's {@code numeric} prints them
 * ({@code 1e2} becomes {@code 100}, {@code 1.50} stays {@code 1.50}), the
 * last of duplicate keys kept. So validated text on SQLite and the JSONB
 * PostgreSQL reformats compare equal exactly when they mean the same.
 */
final class CanonicalJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CanonicalJson() {
    }

    /** The canonical text of {@code json}; fails on invalid JSON. */
    static String of(String json) {
        return canonical(json).orElseThrow(() -> new IllegalArgumentException("not valid JSON: " + problem(json)));
    }

    /** Why PostgreSQL's JSONB would reject {@code json}, or empty when it accepts it. */
    static Optional<String> problem(String json) {
        return check(json).problem();
    }

    /** The canonical text, or empty when {@link #problem} has something to say. */
    static Optional<String> canonical(String json) {
        return Optional.ofNullable(check(json).canonical());
    }

    /**
     * One parse: the canonical text, or why JSONB would reject the document.
     *
     * @param canonical the canonical text, null when there is a problem
     * @param problem   what is wrong, empty when nothing
     */
    record Checked(String canonical, Optional<String> problem) {
    }

    static Checked check(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                return new Checked(null, Optional.of("is not valid JSON (empty)"));
            }
            StringBuilder out = new StringBuilder(json.length());
            value(parser, out);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                return new Checked(null, Optional.of("is not valid JSON (" + trailing + " after the end of the document)"));
            }
            return new Checked(out.toString(), Optional.empty());
        } catch (JsonProcessingException e) {
            return new Checked(null, Optional.of("is not valid JSON (" + e.getOriginalMessage() + ")"));
        } catch (Unstorable e) {
            return new Checked(null, Optional.of(e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string", e);
        }
    }

    /** Writes the value at the parser's current token in canonical form, in one pass over the text. */
    private static void value(JsonParser parser, StringBuilder out) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> object(parser, out);
            case START_ARRAY -> array(parser, out);
            case VALUE_STRING -> quoted(storable(parser.getText()), out);
            case VALUE_NUMBER_INT -> out.append(number(new BigDecimal(parser.getBigIntegerValue())));
            case VALUE_NUMBER_FLOAT -> out.append(number(parser.getDecimalValue()));
            case VALUE_TRUE -> out.append("true");
            case VALUE_FALSE -> out.append("false");
            case VALUE_NULL -> out.append("null");
            default -> throw new JsonParseException(parser, "unexpected " + parser.currentToken());
        }
    }

    private static void array(JsonParser parser, StringBuilder out) throws IOException {
        out.append('[');
        boolean first = true;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            out.append(first ? "" : ",");
            value(parser, out);
            first = false;
        }
        out.append(']');
    }

    /** Members sorted by key; of duplicate keys the last one counts, as in JSONB. */
    private static void object(JsonParser parser, StringBuilder out) throws IOException {
        Map<String, String> members = new TreeMap<>();
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
            String key = storable(parser.currentName());
            parser.nextToken();
            StringBuilder member = new StringBuilder();
            value(parser, member);
            members.put(key, member.toString());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : members.entrySet()) {
            out.append(first ? "" : ",");
            quoted(e.getKey(), out);
            out.append(':').append(e.getValue());
            first = false;
        }
        out.append('}');
    }

    /**
     * {@code text}, when PostgreSQL text and JSONB can hold it: neither NUL
     * nor half a surrogate pair. Every key and string is checked, those of
     * duplicate keys included, since JSONB rejects them while parsing.
     */
    private static String storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new Unstorable("contains \\u0000, which PostgreSQL JSONB rejects");
            }
            if (Character.isSurrogate(c) && !pairedAt(text, i)) {
                throw new Unstorable("contains an unpaired UTF-16 surrogate, which PostgreSQL JSONB rejects");
            }
        }
        return text;
    }

    private static boolean pairedAt(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /** A string JSONB cannot hold, found while writing and reported as the document's problem. */
    private static final class Unstorable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unstorable(String problem) {
            super(problem, null, false, false);
        }
    }

    /**
     * A JSON string as Jackson writes it: quote and backslash escaped, the
     * usual short escapes for control characters and {@code \\u00XX} for the
     * rest of them, everything else as itself.
     */
    private static void quoted(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                out.append(c);
            } else {
                escaped(c, out);
            }
        }
        out.append('"');
    }

    private static void escaped(char c, StringBuilder out) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\b' -> out.append("\\b");
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\f' -> out.append("\\f");
            case '\r' -> out.append("\\r");
            default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
        }
    }

    /** As PostgreSQL's numeric prints it: no exponent, and never a negative scale. */
    private static String number(BigDecimal value) {
        BigDecimal shown = value.scale() < 0 ? value.setScale(0) : value;
        return shown.signum() == 0 ? shown.abs().toPlainString() : shown.toPlainString();
    }
}
