-- A ledger-shaped database of 1,000,000 rows for the migration benchmark, written into a schema
-- created by 'tradevault setup-db' (so every CHECK and foreign key of the real schema applies).
-- Shape: positions 100k, orders 300k, fills 300k, trade_decisions 150k, audit_log 100k,
-- state_snapshots 40k, kv 10k.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO positions (id, symbol, status, quantity_e8, entry_price_e8, highest_price_e8, stop_price_e8, trail_kind,
                       trail_e8, realized_pnl_e8, opened_at, closed_at, updated_at)
SELECT i, 'SYM' || (i % 400), CASE WHEN i > 99600 THEN 'OPEN' ELSE 'CLOSED' END,
       i * 1234567, 2500000000000 + i * 997, 2600000000000 + i * 991, 2400000000000 + i, 'PERCENT', 300000000,
       (i % 2001 - 1000) * 123456789,
       printf('%s.%06dZ', strftime('%Y-%m-%dT%H:%M:%S', 1700000000 + i * 60, 'unixepoch'), (i * 7919) % 1000000),
       CASE WHEN i > 99600 THEN NULL
            ELSE printf('%s.%06dZ', strftime('%Y-%m-%dT%H:%M:%S', 1700003600 + i * 60, 'unixepoch'), (i * 104729) % 1000000) END,
       printf('%s.%06dZ', strftime('%Y-%m-%dT%H:%M:%S', 1700003600 + i * 60, 'unixepoch'), (i * 31) % 1000000)
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)
INSERT INTO orders (id, client_order_id, exchange_order_id, position_id, symbol, side, type, purpose, quantity_e8,
                    price_e8, stop_price_e8, executed_qty_e8, status, created_at, updated_at)
SELECT i, 'tv-' || hex(randomblob(12)), 'SYM' || (((i + 2) / 3) % 400) || ':' || i, (i + 2) / 3, 'SYM' || (((i + 2) / 3) % 400),
       CASE i % 3 WHEN 1 THEN 'BUY' ELSE 'SELL' END,
       CASE i % 3 WHEN 1 THEN 'MARKET' WHEN 2 THEN 'STOP_LOSS' ELSE 'LIMIT' END,
       CASE i % 3 WHEN 1 THEN 'ENTRY' WHEN 2 THEN 'STOP' ELSE 'EXIT' END,
       i * 1234567 + 1, CASE i % 3 WHEN 0 THEN 2500000000000 + i ELSE NULL END,
       CASE i % 3 WHEN 2 THEN 2400000000000 + i ELSE NULL END, i * 1234567,
       CASE i % 3 WHEN 2 THEN 'CANCELED' ELSE 'FILLED' END,
       printf('%s.%06dZ', strftime('%Y-%m-%dT%H:%M:%S', 1700000000 + i * 20, 'unixepoch'), (i * 7919) % 1000000),
       printf('%s.%06dZ', strftime('%Y-%m-%dT%H:%M:%S', 1700000005 + i * 20, 'unixepoch'), (i * 13) % 1000000)
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)
INSERT INTO fills (id, exchange_fill_id, order_id, price_e8, quantity_e8, fee_e8, fee_asset, filled_at)
SELECT i, 'SYM:' || (1000000000 + i), i, 2500000000000 + i * 3, i * 1234567 + 1, i % 100000,
       CASE WHEN i % 5 = 0 THEN NULL ELSE 'BNB' END,
       printf('%s.%06dZ', strftime('%Y-%m-%dT%H:%M:%S', 1700000001 + i * 20, 'unixepoch'), (i * 7727) % 1000000)
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150000)
INSERT INTO trade_decisions (id, symbol, decided_at, decision, skip_reason, payload)
SELECT i, 'SYM' || (i % 400),
       printf('%s.%06dZ', strftime('%Y-%m-%dT%H:%M:%S', 1700000000 + i * 40, 'unixepoch'), (i * 7919) % 1000000),
       CASE i % 4 WHEN 0 THEN 'ENTER' WHEN 1 THEN 'EXIT' WHEN 2 THEN 'HOLD' ELSE 'SKIP' END,
       CASE i % 4 WHEN 3 THEN 'spread too wide' ELSE NULL END,
       json_object('rsi', (i % 10000) / 100.0, 'ema', json_array(i * 1.5, i * 2.25, i * 3.125),
                   'signal', json_object('name', 'breakout', 'strength', (i % 7) / 7.0, 'note', 'ünïcode ✓'))
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO audit_log (id, event_type, data, created_at)
SELECT i, CASE i % 3 WHEN 0 THEN 'order-sent' WHEN 1 THEN 'fill-recorded' ELSE 'reconciled' END,
       json_object('order', 'tv-' || i, 'qty_e8', i * 1234567, 'ok', json('true')),
       printf('%s.%06dZ', strftime('%Y-%m-%dT%H:%M:%S', 1700000000 + i * 60, 'unixepoch'), (i * 7919) % 1000000)
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
INSERT INTO state_snapshots (id, taken_at, data)
SELECT i, printf('%s.%06dZ', strftime('%Y-%m-%dT%H:%M:%S', 1700000000 + i * 150, 'unixepoch'), (i * 7919) % 1000000),
       json_object('open', json_array(json_object('symbol', 'SYM' || (i % 400), 'qty_e8', i * 1000, 'stop_e8', i * 7)),
                   'equity_e8', i * 100000000)
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO kv (key, value, updated_at)
SELECT 'setting-' || i, 'value ' || i,
       printf('%s.%06dZ', strftime('%Y-%m-%dT%H:%M:%S', 1700000000 + i, 'unixepoch'), i % 1000000)
FROM n;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
