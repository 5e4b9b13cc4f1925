-- tradevault ledger, schema v7 (PostgreSQL). Same change as the SQLite migration of the same version:
-- orders.trailing_delta for stops the exchange trails itself (such a stop needs a stop price OR a trailing
-- delta), and the dust table (what closed positions left of a symbol's base asset, below a lot step).
ALTER TABLE orders ADD COLUMN trailing_delta BIGINT CHECK (trailing_delta > 0);

DO $$
DECLARE c RECORD;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint
             WHERE conrelid = 'orders'::regclass AND contype = 'c'
               AND pg_get_constraintdef(oid) LIKE '%stop_price_e8 IS%NULL%'
               AND pg_get_constraintdef(oid) LIKE '%STOP_LOSS%' LOOP
        EXECUTE format('ALTER TABLE orders DROP CONSTRAINT %I', c.conname);
    END LOOP;
END $$;

ALTER TABLE orders ADD CONSTRAINT orders_no_stop_unless_stop CHECK
    (type IN ('STOP_LOSS', 'STOP_LOSS_LIMIT') OR (stop_price_e8 IS NULL AND trailing_delta IS NULL));
ALTER TABLE orders ADD CONSTRAINT orders_stop_has_trigger CHECK
    (type NOT IN ('STOP_LOSS', 'STOP_LOSS_LIMIT') OR stop_price_e8 IS NOT NULL OR trailing_delta IS NOT NULL);

CREATE OR REPLACE VIEW v_orders AS
SELECT id, client_order_id, exchange_order_id, position_id, symbol, side, type, purpose, status,
       trim_scale(quantity_e8 / 1e8) AS quantity, trim_scale(price_e8 / 1e8) AS price,
       trim_scale(stop_price_e8 / 1e8) AS stop_price, trim_scale(executed_qty_e8 / 1e8) AS executed_qty,
       created_at, updated_at, trailing_delta
FROM orders;

CREATE TABLE dust (
    symbol       TEXT    PRIMARY KEY CHECK (length(symbol) BETWEEN 1 AND 32),
    asset        TEXT    NOT NULL CHECK (length(asset) BETWEEN 1 AND 32),
    quantity_e8  BIGINT  NOT NULL CHECK (quantity_e8 >= 0),
    updated_at   TIMESTAMPTZ NOT NULL
);
