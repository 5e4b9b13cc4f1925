-- tradevault ledger, schema v9 (SQLite / SQLCipher).
-- Binance numbers orders per symbol: BTCUSDT and ETHUSDT can both have an order 12345 (on the testnet and
-- on any young symbol they soon do). orders.exchange_order_id is UNIQUE across all symbols since v1, so the
-- second such order could never be recorded. SQLite cannot drop a column's UNIQUE without rebuilding the
-- table, and a rebuild needs foreign keys off, which no migration transaction can do; so the column now
-- holds the venue's id qualified by its symbol, "BTCUSDT:12345", as fills.exchange_fill_id always has. The
-- ledger code writes and reads that form; v_orders shows the venue's own id, as before. One statement and
-- the view, one transaction with the migration: a crash leaves v8 or v9, never a mix.
UPDATE orders SET exchange_order_id = symbol || ':' || exchange_order_id WHERE exchange_order_id IS NOT NULL;

DROP VIEW v_orders;
CREATE VIEW v_orders AS
SELECT id, client_order_id, substr(exchange_order_id, length(symbol) + 2) AS exchange_order_id, position_id,
       symbol, side, type, purpose, status,
       rtrim(rtrim((quantity_e8 / 100000000) || '.' || substr('00000000' || (quantity_e8 % 100000000), -8), '0'), '.') AS quantity,
       CASE WHEN price_e8 IS NULL THEN NULL ELSE rtrim(rtrim((price_e8 / 100000000) || '.' || substr('00000000' || (price_e8 % 100000000), -8), '0'), '.') END AS price,
       CASE WHEN stop_price_e8 IS NULL THEN NULL ELSE rtrim(rtrim((stop_price_e8 / 100000000) || '.' || substr('00000000' || (stop_price_e8 % 100000000), -8), '0'), '.') END AS stop_price,
       rtrim(rtrim((executed_qty_e8 / 100000000) || '.' || substr('00000000' || (executed_qty_e8 % 100000000), -8), '0'), '.') AS executed_qty,
       created_at, updated_at, trailing_delta
FROM orders;
