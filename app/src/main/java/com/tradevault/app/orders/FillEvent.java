package com.tradevault.app.orders;

import com.tradevault.app.trading.Fill;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.Position;
import java.util.Optional;

/**
 * What recording one fill did.
 *
 * @param position  the position after the fill
 * @param stopIntent the protective stop intent written with it, when the fill completed an entry
 * @param closed    whether the fill closed the position
 */
public record FillEvent(Fill fill, Order order, Position position, Optional<Order> stopIntent, boolean closed) {
}
