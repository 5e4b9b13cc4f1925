package com.tradevault.setup.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sqliteTextAndPostgresJsonbFormattingOfTheSameDocumentAreEqual() {
        String asWritten = "{\"b\":1, \"a\":[1e2,1.50,-0.0,{\"y\":null,\"x\":\"\\u00e9\"}],\"d\":1,\"d\":2}";
        String asJsonbPrintsIt = "{\"a\": [100, 1.50, 0.0, {\"x\": \"é\", \"y\": null}], \"b\": 1, \"d\": 2}";
        assertEquals(CanonicalJson.of(asJsonbPrintsIt), CanonicalJson.of(asWritten));
        assertEquals("{\"a\":[100,1.50,0.0,{\"x\":\"é\",\"y\":null}],\"b\":1,\"d\":2}", CanonicalJson.of(asWritten));
    }

    @Test
    void differentValuesStayDifferent() {
        assertNotEquals(CanonicalJson.of("{\"a\": 1.0}"), CanonicalJson.of("{\"a\": 1.00}"));
        assertNotEquals(CanonicalJson.of("[\"1\"]"), CanonicalJson.of("[1]"));
    }

    @Test
    void documentsJsonbRejectsAreNamed() {
        assertEquals(Optional.of("contains \\u0000, which PostgreSQL JSONB rejects"),
                CanonicalJson.problem("{\"k\": [\"a\\u0000\"]}"));
        assertEquals(Optional.of("contains an unpaired UTF-16 surrogate, which PostgreSQL JSONB rejects"),
                CanonicalJson.problem("\"\\ud800\""));
        assertEquals(Optional.empty(), CanonicalJson.problem("\"\\ud83d\\ude80\""));
    }
}
