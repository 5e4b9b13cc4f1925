package com.tradevault.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.tradevault.core.key.DbKey;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SecretTextTest {

    private static final String HEX = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    @Test
    void vacuumIntoUriFromTheIssueLosesItsKey() {
        String message = "[SQLITE_CANTOPEN] Unable to open the database file (unable to open database:"
                + " file:/var/lib/tradevault/.tradevault.db.reencrypt.tmp?cipher=sqlcipher&legacy=4&key=x%27" + HEX
                + "%27)";

        assertEquals("[SQLITE_CANTOPEN] Unable to open the database file (unable to open database:"
                + " file:/var/lib/tradevault/.tradevault.db.reencrypt.tmp?cipher=sqlcipher&legacy=4&key=[redacted])",
                SecretText.scrub(message));
    }

    @Test
    void aKeyOnceParsedIsScrubbedWhereverItAppears() {
        DbKey.parse("my ledger passphrase 7");

        assertEquals("near \"[redacted]\": syntax error", SecretText.scrub("near \"my ledger passphrase 7\": syntax error"));
        assertEquals("key file holds [redacted]", SecretText.scrub("key file holds my%20ledger%20passphrase%207"
                .replace("%20", "+")));
    }

    @Test
    void rawKeysAsBlobsAndAsHexAreScrubbed() {
        DbKey.parse(HEX);

        assertEquals("PRAGMA rekey = '[redacted]'", SecretText.scrub("PRAGMA rekey = 'x'" + HEX + "''"));
        assertEquals("read [redacted] from the file", SecretText.scrub("read " + HEX + " from the file"));
    }

    @Test
    void aFailureChainCarryingAKeyIsCopiedWithScrubbedMessagesAndTheSameTrace() {
        SQLException driver = new SQLException("unable to open database: file:/x?key=hunter22");
        RuntimeException wrapper = new RuntimeException("copy failed", driver);

        Throwable scrubbed = SecretText.scrub(wrapper);

        assertEquals("java.lang.RuntimeException: copy failed", scrubbed.toString());
        assertEquals("java.sql.SQLException: unable to open database: file:/x?key=[redacted]",
                scrubbed.getCause().toString());
        assertEquals(wrapper.getStackTrace()[0], scrubbed.getStackTrace()[0]);
    }

    @Test
    void aFailureWithoutSecretsIsKeptAsItIs() {
        SQLException driver = new SQLException("database is locked");

        assertSame(driver, SecretText.scrub(driver));
    }

    @Test
    void tradevaultExceptionsNeverCarryAKey() {
        TradevaultException e = new TradevaultException(Outcome.FAILURE, "failed: key=abcdef", "retry x'00ff'",
                new SQLException("file:/x?hexkey=00ff"));

        assertEquals("failed: key=[redacted]", e.getMessage());
        assertEquals("retry [redacted]", e.nextStep());
        assertEquals("java.sql.SQLException: file:/x?hexkey=[redacted]", e.getCause().toString());
    }
}
