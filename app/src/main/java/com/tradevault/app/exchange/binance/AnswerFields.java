package com.tradevault.app.exchange.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.tradevault.app.exchange.UnreadableAnswer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fields of one object of a venue's answer, read strictly: a missing or
 * malformed field is an {@link UnreadableAnswer} naming the endpoint and the
 * field; fields nobody asks for are ignored, so new ones do not break us.
 */
final class AnswerFields {

    private final String endpoint;
    private final JsonNode node;

    AnswerFields(String endpoint, JsonNode node) {
        this.endpoint = endpoint;
        this.node = node == null ? MissingNode.getInstance() : node;
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    JsonNode node() {
        return node;
    }

    String text(String field) {
        JsonNode v = required(field);
        if (!v.isValueNode()) {
            throw unreadable(field, "is " + v.getNodeType().name().toLowerCase() + ", not a value");
        }
        return v.asText();
    }

    long number(String field) {
        JsonNode v = required(field);
        if (!v.isIntegralNumber() && !(v.isTextual() && v.asText().matches("-?[0-9]{1,18}"))) {
            throw unreadable(field, "is " + v + ", not a whole number");
        }
        return v.asLong();
    }

    Optional<Long> optionalNumber(String field) {
        return has(field) ? Optional.of(number(field)) : Optional.empty();
    }

    Optional<Instant> optionalTime(String field) {
        return optionalNumber(field).map(Instant::ofEpochMilli);
    }

    Instant time(String field) {
        return Instant.ofEpochMilli(number(field));
    }

    boolean bool(String field) {
        JsonNode v = required(field);
        if (!v.isBoolean()) {
            throw unreadable(field, "is " + v + ", not true or false");
        }
        return v.asBoolean();
    }

    /** A decimal in the shortest exact form, no exponent (as the project compares them). */
    BigDecimal decimal(String field) {
        return decimal(field, required(field));
    }

    /** A price that is absent, null or zero (Binance writes "0.00000000" for "none") is empty. */
    Optional<BigDecimal> positiveDecimal(String field) {
        return has(field) ? Optional.of(decimal(field)).filter(v -> v.signum() > 0) : Optional.empty();
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String raw = text(field);
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(raw)).findFirst()
                .orElseThrow(() -> unreadable(field, "is '" + raw + "', not one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    BigDecimal decimal(String field, JsonNode v) {
        try {
            BigDecimal d = new BigDecimal(v.asText()).stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0) : d;
        } catch (NumberFormatException e) {
            throw unreadable(field, "is " + v + ", not a decimal");
        }
    }

    private JsonNode required(String field) {
        if (!node.hasNonNull(field)) {
            throw unreadable(field, "is missing");
        }
        return node.get(field);
    }

    UnreadableAnswer unreadable(String field, String what) {
        return new UnreadableAnswer("cannot read the answer of " + endpoint + ": field '" + field + "' " + what
                + "; the venue may have changed its API: report this with the endpoint and field");
    }
}
