package com.tradevault.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
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
    void everyCharacterIsWrittenAsJacksonWritesIt() throws Exception {
        ObjectMapper jackson = new ObjectMapper();
        for (char c = 1; c < 0x3000; c++) {
            if (Character.isSurrogate(c)) {
                continue;
            }
            String text = "a" + c + "b";
            assertEquals("{" + jackson.writeValueAsString(text) + ":[" + jackson.writeValueAsString(text) + "]}",
                    CanonicalJson.of(jackson.writeValueAsString(Map.of(text, List.of(text)))), "character " + (int) c);
        }
    }

    @Test
    void literalsKeepTheirSpelling() {
        assertEquals("[true,false,null,{\"k\":true}]", CanonicalJson.of("[ true , false , null , {\"k\" : true} ]"));
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
