package com.tradevault.app.orders;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.trading.OrderPurpose;
import java.security.SecureRandom;

/**
 * Fresh client order ids: {@code tv-} then the purpose's letter and 24 random
 * base-32 characters (120 bits), so that an id is never used twice, across
 * restarts and ledgers, without asking anyone.
 */
public final class ClientOrderIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private final SecureRandom random = new SecureRandom();

    public ClientOrderId fresh(OrderPurpose purpose) {
        StringBuilder id = new StringBuilder(ClientOrderId.PREFIX).append(letter(purpose)).append('-');
        for (int i = 0; i < 24; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return new ClientOrderId(id.toString());
    }

    /** The purpose an id of ours was made for, read from its letter ({@code tv-s-...} is a stop). */
    public static OrderPurpose purposeOf(ClientOrderId id) {
        String v = id.value();
        char letter = v.length() > ClientOrderId.PREFIX.length() ? v.charAt(ClientOrderId.PREFIX.length()) : 'e';
        return letter == 's' ? OrderPurpose.STOP : letter == 'x' ? OrderPurpose.EXIT : OrderPurpose.ENTRY;
    }

    /** e for entries, s for stops, x for exits at market: readable in the venue's order list. */
    private static char letter(OrderPurpose purpose) {
        return switch (purpose) {
            case ENTRY -> 'e';
            case STOP -> 's';
            case EXIT -> 'x';
        };
    }
}
