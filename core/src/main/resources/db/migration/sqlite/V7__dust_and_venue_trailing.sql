-- tradevault ledger, schema v7 (SQLite / SQLCipher).
--
-- 1. Stops the exchange trails itself (strategy.trail-mode = venue): orders.trailing_delta holds the
--    Binance trailingDelta in basis points. Such a stop may carry no stop price (it trails from the first
--    trade after it is placed), so a stop needs a stop price OR a trailing delta, and other orders have
--    neither. SQLite cannot change a CHECK constraint with ALTER TABLE, and rebuilding the table would
--    need foreign keys off, which no migration transaction can do. Loosening a CHECK changes nothing
--    on disk, so the table's definition is edited in place (SQLite's documented procedure for such
--    changes, "ALTER TABLE", section 7); the ADD COLUMN that follows rewrites the same definition and
--    makes every connection read the schema again.
-- 2. Dust: what is left of a symbol's base asset after its positions closed (a fee paid in the base asset
--    and the lot rounding of the stop), owned by no position. The next position of the symbol takes it
--    over, so that its stop and exit sell it in whole lot steps; status shows it and reconciliation's
--    balance check counts it.
PRAGMA writable_schema = ON;
UPDATE sqlite_master
SET sql = replace(replace(sql,
        'CHECK (type IN (''STOP_LOSS'', ''STOP_LOSS_LIMIT'') OR stop_price_e8 IS NULL)',
        'CHECK (type IN (''STOP_LOSS'', ''STOP_LOSS_LIMIT'') OR (stop_price_e8 IS NULL AND trailing_delta IS NULL))'),
        'CHECK (type NOT IN (''STOP_LOSS'', ''STOP_LOSS_LIMIT'') OR stop_price_e8 IS NOT NULL)',
        'CHECK (type NOT IN (''STOP_LOSS'', ''STOP_LOSS_LIMIT'') OR stop_price_e8 IS NOT NULL OR trailing_delta IS NOT NULL)')
WHERE type = 'table' AND name = 'orders';
PRAGMA writable_schema = OFF;
ALTER TABLE orders ADD COLUMN trailing_delta INTEGER CHECK (trailing_delta > 0);

DROP VIEW v_orders;
CREATE VIEW v_orders AS
SELECT id, client_order_id, exchange_order_id, position_id, symbol, side, type, purpose, status,
       rtrim(rtrim((quantity_e8 / 100000000) || '.' || substr('00000000' || (quantity_e8 % 100000000), -8), '0'), '.') AS quantity,
       CASE WHEN price_e8 IS NULL THEN NULL ELSE rtrim(rtrim((price_e8 / 100000000) || '.' || substr('00000000' || (price_e8 % 100000000), -8), '0'), '.') END AS price,
       CASE WHEN stop_price_e8 IS NULL THEN NULL ELSE rtrim(rtrim((stop_price_e8 / 100000000) || '.' || substr('00000000' || (stop_price_e8 % 100000000), -8), '0'), '.') END AS stop_price,
       rtrim(rtrim((executed_qty_e8 / 100000000) || '.' || substr('00000000' || (executed_qty_e8 % 100000000), -8), '0'), '.') AS executed_qty,
       created_at, updated_at, trailing_delta
FROM orders;

CREATE TABLE dust (
    symbol       TEXT    PRIMARY KEY CHECK (length(symbol) BETWEEN 1 AND 32),
    asset        TEXT    NOT NULL CHECK (length(asset) BETWEEN 1 AND 32),
    quantity_e8  INTEGER NOT NULL CHECK (quantity_e8 >= 0),
    updated_at   TEXT    NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z')
);
