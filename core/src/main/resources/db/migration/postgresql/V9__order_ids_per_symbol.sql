-- tradevault ledger, schema v9 (PostgreSQL). Same change as the SQLite migration of the same version, so
-- that a ledger copies between the backends row for row: Binance numbers orders per symbol, and
-- orders.exchange_order_id (UNIQUE across all symbols) now holds the venue's id qualified by its symbol,
-- "BTCUSDT:12345", as fills.exchange_fill_id always has. v_orders shows the venue's own id, as before.
UPDATE orders SET exchange_order_id = symbol || ':' || exchange_order_id WHERE exchange_order_id IS NOT NULL;

CREATE OR REPLACE VIEW v_orders AS
SELECT id, client_order_id, substr(exchange_order_id, length(symbol) + 2) AS exchange_order_id, position_id,
       symbol, side, type, purpose, status,
       trim_scale(quantity_e8 / 1e8) AS quantity, trim_scale(price_e8 / 1e8) AS price,
       trim_scale(stop_price_e8 / 1e8) AS stop_price, trim_scale(executed_qty_e8 / 1e8) AS executed_qty,
       created_at, updated_at, trailing_delta
FROM orders;
