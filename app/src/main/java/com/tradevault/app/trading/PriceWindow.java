package com.tradevault.app.trading;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last prices a symbol was scanned at, oldest first, up to a fixed count. */
public final class PriceWindow {

    private final int capacity;
    private final Deque<Price> prices = new ArrayDeque<>();

    public PriceWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a price window holds at least one price");
        }
        this.capacity = capacity;
    }

    public void add(Price price) {
        if (prices.size() == capacity) {
            prices.removeFirst();
        }
        prices.addLast(price);
    }

    public boolean isFull() {
        return prices.size() == capacity;
    }

    public int size() {
        return prices.size();
    }

    public List<Price> prices() {
        return List.copyOf(prices);
    }
}
