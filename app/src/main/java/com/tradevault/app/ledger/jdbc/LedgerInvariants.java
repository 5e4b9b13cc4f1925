package com.tradevault.app.ledger.jdbc;

import com.tradevault.backup.LedgerRules;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules of the ledger that its schema cannot enforce by itself, written in
 * SQL that runs unchanged on SQLite and PostgreSQL. Each rule lists the rows
 * that break it; an empty list means the rule holds. The integrity check
 * of the backup module runs them as the ledger's {@link LedgerRules}.
 */
public final class LedgerInvariants implements LedgerRules {

    /** Checks every rule. */
    @Override
    public List<Finding> check(Connection c) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding("every fill belongs to an order", rows(c,
                "SELECT f.exchange_fill_id, f.order_id FROM fills f LEFT JOIN orders o ON o.id = f.order_id"
                        + " WHERE o.id IS NULL", "fill %s names order id %s, which does not exist")));
        findings.add(new Finding("no order has more filled than it asked for", rows(c,
                "SELECT o.client_order_id, o.quantity_e8, SUM(f.quantity_e8) FROM orders o JOIN fills f ON f.order_id = o.id"
                        + " GROUP BY o.id, o.client_order_id, o.quantity_e8 HAVING SUM(f.quantity_e8) > o.quantity_e8",
                "order %s asked for %s (1e-8 units) but its fills sum to %s")));
        findings.add(new Finding("open position quantities equal their fills", rows(c, OPEN_POSITION_VS_FILLS,
                "position %s (%s) holds %s (1e-8 units) but its fills net %s")));
        findings.add(new Finding("every decision pack holds the decisions its row says", DecisionPacks.problems(c)));
        findings.add(new Finding("no decision is both packed and a row", rows(c, PACKED_AND_A_ROW,
                "decision %s (%s %s) is a row and also in decision pack %s")));
        return findings;
    }

    /**
     * Long-only spot positions: bought minus sold, where a buy's fee paid in
     * the bought asset (a fee asset the symbol starts with) is not held.
     */
    private static final String OPEN_POSITION_VS_FILLS = "SELECT p.id, p.symbol, p.quantity_e8, n.net FROM positions p"
            + " JOIN (SELECT o.position_id AS pid, SUM(CASE WHEN o.side = 'BUY' THEN f.quantity_e8 - CASE WHEN"
            + " f.fee_asset IS NOT NULL AND substr(o.symbol, 1, length(f.fee_asset)) = f.fee_asset THEN f.fee_e8 ELSE 0 END"
            + " ELSE -f.quantity_e8 END) AS net FROM orders o JOIN fills f ON f.order_id = o.id"
            + " WHERE o.position_id IS NOT NULL GROUP BY o.position_id) n ON n.pid = p.id"
            + " WHERE p.status = 'OPEN' AND p.quantity_e8 <> n.net";

    /**
     * Packing removes the rows it packs in the same transaction, and folding unpacks a pack only
     * before its own cursor, so a SKIP or HOLD row of a pack's symbol and kind inside its ids is a double.
     */
    private static final String PACKED_AND_A_ROW = "SELECT d.id, d.symbol, d.decision, p.id FROM decision_packs p"
            + " JOIN trade_decisions d ON d.symbol = p.symbol AND d.decision = p.decision"
            + " AND d.id BETWEEN p.first_id AND p.last_id AND d.folded_count = 1";

    private static List<String> rows(Connection c, String sql, String format) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                Object[] values = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    values[i] = r.getString(i + 1);
                }
                out.add(String.format(format, values));
            }
        }
        return out;
    }
}
