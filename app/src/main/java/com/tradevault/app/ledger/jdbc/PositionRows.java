package com.tradevault.app.ledger.jdbc;

import com.tradevault.app.ledger.jdbc.Statements.At;
import com.tradevault.app.trading.Money;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.PositionStatus;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import com.tradevault.app.trading.Trail;
import com.tradevault.app.trading.TrailingStop;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code positions} table. */
final class PositionRows {

    private static final String COLUMNS = "id, symbol, status, quantity_e8, entry_price_e8, highest_price_e8,"
            + " stop_price_e8, trail_kind, trail_e8, realized_pnl_e8, opened_at, closed_at, updated_at";

    private final Statements sql;

    PositionRows(Statements sql) {
        this.sql = sql;
    }

    Position insert(Position p) {
        long id = sql.insert("INSERT INTO positions (symbol, status, quantity_e8, entry_price_e8, highest_price_e8,"
                        + " stop_price_e8, trail_kind, trail_e8, realized_pnl_e8, opened_at, closed_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.symbol(), p.status().name(), p.quantity().e8(), p.entryPrice().e8(), p.stop().highest().e8(),
                p.stop().level().e8(), p.stop().trail().kind().name(), p.stop().trail().e8(), p.realizedPnl().e8(),
                new At(p.openedAt()), new At(p.closedAt().orElse(null)), new At(p.updatedAt()));
        return p.withId(id);
    }

    void update(Position p) {
        int changed = sql.update("UPDATE positions SET status = ?, quantity_e8 = ?, entry_price_e8 = ?,"
                        + " highest_price_e8 = ?, stop_price_e8 = ?, realized_pnl_e8 = ?, closed_at = ?, updated_at = ?"
                        + " WHERE id = ?",
                p.status().name(), p.quantity().e8(), p.entryPrice().e8(), p.stop().highest().e8(),
                p.stop().level().e8(), p.realizedPnl().e8(), new At(p.closedAt().orElse(null)),
                new At(p.updatedAt()), p.id());
        if (changed != 1) {
            throw new IllegalStateException("position " + p.id() + " is not in the ledger");
        }
    }

    Optional<Position> byId(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM positions WHERE id = ?", this::map, id);
    }

    Optional<Position> openOf(String symbol) {
        return sql.one("SELECT " + COLUMNS + " FROM positions WHERE symbol = ? AND status = 'OPEN'", this::map, symbol);
    }

    List<Position> open() {
        return sql.list("SELECT " + COLUMNS + " FROM positions WHERE status = 'OPEN' ORDER BY id", this::map);
    }

    Money realizedPnl() {
        return sql.one("SELECT COALESCE(SUM(realized_pnl_e8), 0) FROM positions", r -> r.getLong(1))
                .map(Money::ofE8).orElse(Money.ZERO);
    }

    private Position map(ResultSet r) throws SQLException {
        Trail trail = new Trail(Trail.Kind.valueOf(r.getString("trail_kind")),
                BigDecimal.valueOf(r.getLong("trail_e8"), 8));
        Price highest = Price.ofE8(r.getLong("highest_price_e8"));
        Price level = Statements.optionalLong(r, "stop_price_e8").map(Price::ofE8).orElse(highest);
        return new Position(r.getLong("id"), r.getString("symbol"), PositionStatus.valueOf(r.getString("status")),
                Quantity.ofE8(r.getLong("quantity_e8")), Price.ofE8(r.getLong("entry_price_e8")),
                new TrailingStop(highest, trail, level), Money.ofE8(r.getLong("realized_pnl_e8")),
                sql.instant(r, "opened_at"), Optional.ofNullable(sql.instant(r, "closed_at")),
                sql.instant(r, "updated_at"));
    }
}
