-- tradevault ledger, schema v1 (SQLite / SQLCipher).
-- Money, prices and quantities are fixed-point integers in units of 1e-8 (columns ending in _e8):
-- exact, summable in SQL, and byte-for-byte the same on PostgreSQL (BIGINT).
-- Timestamps are UTC text with exactly six fraction digits (2026-11-21T07:41:00.123456Z):
-- readable, sortable, understood by SQLite's date functions, and exact to the microsecond
-- that PostgreSQL's TIMESTAMPTZ keeps.
-- JSON is text validated by json_valid(), so json_extract() can query into it.
-- The v_* views show decimals readably for people who open this file in DB Browser for SQLite.

CREATE TABLE positions (
    id                INTEGER PRIMARY KEY,
    symbol            TEXT    NOT NULL CHECK (length(symbol) BETWEEN 1 AND 32),
    status            TEXT    NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    quantity_e8       INTEGER NOT NULL CHECK (quantity_e8 >= 0),
    entry_price_e8    INTEGER NOT NULL CHECK (entry_price_e8 > 0),
    highest_price_e8  INTEGER NOT NULL CHECK (highest_price_e8 > 0),
    stop_price_e8     INTEGER CHECK (stop_price_e8 > 0),
    trail_kind        TEXT    NOT NULL CHECK (trail_kind IN ('PERCENT', 'ABSOLUTE')),
    trail_e8          INTEGER NOT NULL CHECK (trail_e8 > 0),
    realized_pnl_e8   INTEGER NOT NULL DEFAULT 0,
    opened_at         TEXT    NOT NULL CHECK (opened_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    closed_at         TEXT    CHECK (closed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    updated_at        TEXT    NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    CHECK ((status = 'OPEN') = (closed_at IS NULL))
);
CREATE UNIQUE INDEX positions_one_open_per_symbol ON positions (symbol) WHERE status = 'OPEN';
CREATE INDEX positions_status ON positions (status);

CREATE TABLE orders (
    id                 INTEGER PRIMARY KEY,
    client_order_id    TEXT    NOT NULL UNIQUE CHECK (length(client_order_id) BETWEEN 1 AND 36),
    exchange_order_id  TEXT    UNIQUE,
    position_id        INTEGER REFERENCES positions (id),
    symbol             TEXT    NOT NULL CHECK (length(symbol) BETWEEN 1 AND 32),
    side               TEXT    NOT NULL CHECK (side IN ('BUY', 'SELL')),
    type               TEXT    NOT NULL CHECK (type IN ('MARKET', 'LIMIT', 'STOP_LOSS', 'STOP_LOSS_LIMIT')),
    purpose            TEXT    NOT NULL CHECK (purpose IN ('ENTRY', 'STOP', 'EXIT')),
    quantity_e8        INTEGER NOT NULL CHECK (quantity_e8 > 0),
    price_e8           INTEGER CHECK (price_e8 > 0),
    stop_price_e8      INTEGER CHECK (stop_price_e8 > 0),
    executed_qty_e8    INTEGER NOT NULL DEFAULT 0 CHECK (executed_qty_e8 >= 0),
    status             TEXT    NOT NULL CHECK (status IN ('INTENT', 'NEW', 'PARTIALLY_FILLED', 'FILLED',
                                                          'CANCELED', 'REJECTED', 'EXPIRED', 'NEVER_SENT')),
    created_at         TEXT    NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    updated_at         TEXT    NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    CHECK (type IN ('STOP_LOSS', 'STOP_LOSS_LIMIT') OR stop_price_e8 IS NULL),
    CHECK (type NOT IN ('STOP_LOSS', 'STOP_LOSS_LIMIT') OR stop_price_e8 IS NOT NULL),
    CHECK (type NOT IN ('LIMIT', 'STOP_LOSS_LIMIT') OR price_e8 IS NOT NULL)
);
CREATE INDEX orders_status ON orders (status);
CREATE INDEX orders_position ON orders (position_id);
CREATE INDEX orders_symbol_status ON orders (symbol, status);

CREATE TABLE fills (
    id                INTEGER PRIMARY KEY,
    exchange_fill_id  TEXT    NOT NULL UNIQUE CHECK (length(exchange_fill_id) >= 1),
    order_id          INTEGER NOT NULL REFERENCES orders (id),
    price_e8          INTEGER NOT NULL CHECK (price_e8 > 0),
    quantity_e8       INTEGER NOT NULL CHECK (quantity_e8 > 0),
    fee_e8            INTEGER NOT NULL DEFAULT 0 CHECK (fee_e8 >= 0),
    fee_asset         TEXT,
    filled_at         TEXT    NOT NULL CHECK (filled_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z')
);
CREATE INDEX fills_order ON fills (order_id);

CREATE TABLE trade_decisions (
    id           INTEGER PRIMARY KEY,
    symbol       TEXT    NOT NULL CHECK (length(symbol) BETWEEN 1 AND 32),
    decided_at   TEXT    NOT NULL CHECK (decided_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    decision     TEXT    NOT NULL CHECK (decision IN ('ENTER', 'EXIT', 'HOLD', 'SKIP')),
    skip_reason  TEXT,
    payload      TEXT    NOT NULL CHECK (json_valid(payload)),
    CHECK ((decision = 'SKIP') = (skip_reason IS NOT NULL))
);
CREATE INDEX trade_decisions_symbol_time ON trade_decisions (symbol, decided_at);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    event_type  TEXT    NOT NULL CHECK (length(event_type) BETWEEN 1 AND 64),
    data        TEXT    NOT NULL CHECK (json_valid(data)),
    created_at  TEXT    NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z')
);
CREATE INDEX audit_log_time ON audit_log (created_at);
CREATE INDEX audit_log_type ON audit_log (event_type, created_at);

CREATE TABLE state_snapshots (
    id        INTEGER PRIMARY KEY,
    taken_at  TEXT    NOT NULL CHECK (taken_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    data      TEXT    NOT NULL CHECK (json_valid(data))
);
CREATE INDEX state_snapshots_time ON state_snapshots (taken_at);

CREATE TABLE kv (
    key         TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 128),
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z')
);

-- Readable views: decimals as exact text (trailing zeros dropped), for people and spreadsheets.
CREATE VIEW v_positions AS
SELECT id, symbol, status,
       rtrim(rtrim((CASE WHEN quantity_e8 < 0 THEN '-' ELSE '' END) || (abs(quantity_e8) / 100000000) || '.' || substr('00000000' || (abs(quantity_e8) % 100000000), -8), '0'), '.') AS quantity,
       rtrim(rtrim((abs(entry_price_e8) / 100000000) || '.' || substr('00000000' || (abs(entry_price_e8) % 100000000), -8), '0'), '.') AS entry_price,
       rtrim(rtrim((abs(highest_price_e8) / 100000000) || '.' || substr('00000000' || (abs(highest_price_e8) % 100000000), -8), '0'), '.') AS highest_price,
       CASE WHEN stop_price_e8 IS NULL THEN NULL ELSE rtrim(rtrim((abs(stop_price_e8) / 100000000) || '.' || substr('00000000' || (abs(stop_price_e8) % 100000000), -8), '0'), '.') END AS stop_price,
       trail_kind,
       rtrim(rtrim((abs(trail_e8) / 100000000) || '.' || substr('00000000' || (abs(trail_e8) % 100000000), -8), '0'), '.') AS trail,
       rtrim(rtrim((CASE WHEN realized_pnl_e8 < 0 THEN '-' ELSE '' END) || (abs(realized_pnl_e8) / 100000000) || '.' || substr('00000000' || (abs(realized_pnl_e8) % 100000000), -8), '0'), '.') AS realized_pnl,
       opened_at, closed_at, updated_at
FROM positions;

CREATE VIEW v_orders AS
SELECT id, client_order_id, exchange_order_id, position_id, symbol, side, type, purpose, status,
       rtrim(rtrim((quantity_e8 / 100000000) || '.' || substr('00000000' || (quantity_e8 % 100000000), -8), '0'), '.') AS quantity,
       CASE WHEN price_e8 IS NULL THEN NULL ELSE rtrim(rtrim((price_e8 / 100000000) || '.' || substr('00000000' || (price_e8 % 100000000), -8), '0'), '.') END AS price,
       CASE WHEN stop_price_e8 IS NULL THEN NULL ELSE rtrim(rtrim((stop_price_e8 / 100000000) || '.' || substr('00000000' || (stop_price_e8 % 100000000), -8), '0'), '.') END AS stop_price,
       rtrim(rtrim((executed_qty_e8 / 100000000) || '.' || substr('00000000' || (executed_qty_e8 % 100000000), -8), '0'), '.') AS executed_qty,
       created_at, updated_at
FROM orders;

CREATE VIEW v_fills AS
SELECT f.id, f.exchange_fill_id, f.order_id, o.client_order_id, o.symbol, o.side,
       rtrim(rtrim((f.price_e8 / 100000000) || '.' || substr('00000000' || (f.price_e8 % 100000000), -8), '0'), '.') AS price,
       rtrim(rtrim((f.quantity_e8 / 100000000) || '.' || substr('00000000' || (f.quantity_e8 % 100000000), -8), '0'), '.') AS quantity,
       rtrim(rtrim((f.fee_e8 / 100000000) || '.' || substr('00000000' || (f.fee_e8 % 100000000), -8), '0'), '.') AS fee,
       f.fee_asset, f.filled_at
FROM fills f JOIN orders o ON o.id = f.order_id;
