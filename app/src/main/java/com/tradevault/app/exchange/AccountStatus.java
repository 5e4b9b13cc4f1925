package com.tradevault.app.exchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the venue says of the account: whether it may trade at all, its
 * permissions (Binance {@code permissions}, e.g. SPOT) and its balances.
 *
 * @param canTrade    Binance {@code canTrade}: false means every order will be refused
 * @param permissions the account's permissions as the venue names them; empty where it names none
 * @param balances    per asset, in the venue's order
 */
public record AccountStatus(boolean canTrade, List<String> permissions, Map<String, Balance> balances) {

    public AccountStatus {
        permissions = List.copyOf(permissions);
        balances = Collections.unmodifiableMap(new LinkedHashMap<>(balances));
    }
}
