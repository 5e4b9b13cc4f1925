package com.tradevault.setup.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.Iterator;
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

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

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
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return new Checked(null, Optional.of("is not valid JSON (" + e.getOriginalMessage() + ")"));
        }
        if (node == null || node.isMissingNode()) {
            return new Checked(null, Optional.of("is not valid JSON (empty)"));
        }
        Optional<String> problem = textProblem(node);
        if (problem.isPresent()) {
            return new Checked(null, problem);
        }
        StringBuilder out = new StringBuilder(json.length());
        write(node, out);
        return new Checked(out.toString(), Optional.empty());
    }

    private static Optional<String> textProblem(JsonNode node) {
        if (node.isTextual()) {
            return unstorable(node.textValue());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Optional<String> p = unstorable(e.getKey()).or(() -> textProblem(e.getValue()));
            if (p.isPresent()) {
                return p;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                Optional<String> p = textProblem(element);
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    /** PostgreSQL text and JSONB hold neither NUL nor half a surrogate pair. */
    private static Optional<String> unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return Optional.of("contains \\u0000, which PostgreSQL JSONB rejects");
            }
            if (Character.isHighSurrogate(c) && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return Optional.of("contains an unpaired UTF-16 surrogate, which PostgreSQL JSONB rejects");
            }
        }
        return Optional.empty();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            writeObject(node, out);
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(number(node.decimalValue()));
        } else if (node.isTextual()) {
            quoted(node.textValue(), out);
        } else {
            out.append(node.asText());
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        node.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
            out.append(first ? "" : ",");
            quoted(e.getKey(), out);
            out.append(':');
            write(e.getValue(), out);
            first = false;
        }
        out.append('}');
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
