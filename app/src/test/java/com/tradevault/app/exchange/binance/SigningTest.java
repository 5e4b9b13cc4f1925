package com.tradevault.app.exchange.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The signature matches the worked example of Binance's API documentation (also what openssl computes). */
class SigningTest {

    static final byte[] SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
            .getBytes(StandardCharsets.UTF_8);
    static final String PARAMS = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
            + "&recvWindow=5000&timestamp=1499827319559";

    @Test
    void signsLikeTheDocumentedExample() {
        assertEquals("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", Signing.sign(SECRET, PARAMS));
    }

    @Test
    void verifyAcceptsOnlyTheSignatureOfTheseExactParameters() {
        String signature = Signing.sign(SECRET, PARAMS);
        assertTrue(Signing.verify(SECRET, PARAMS, signature));
        assertTrue(Signing.verify(SECRET, PARAMS, signature.toUpperCase()));
        assertFalse(Signing.verify(SECRET, PARAMS.replace("quantity=1", "quantity=2"), signature));
        assertFalse(Signing.verify("another-secret".getBytes(StandardCharsets.UTF_8), PARAMS, signature));
        assertFalse(Signing.verify(SECRET, PARAMS, "not-hex"));
    }
}
