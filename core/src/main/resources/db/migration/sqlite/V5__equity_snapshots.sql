-- tradevault ledger, schema v5 (SQLite / SQLCipher).
-- The equity curve of the dashboard: every equity-snapshot interval the bot records its realized P&L
-- and the unrealized P&L of its open positions at the last price seen, both in the quote asset
-- (units of 1e-8). Older snapshots are thinned out as they age (one per 15 minutes after a day, one per
-- hour after 30 days), so a year of curve stays a few thousand rows.
CREATE TABLE equity_snapshots (
    id                INTEGER PRIMARY KEY,
    taken_at          TEXT    NOT NULL CHECK (taken_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    realized_pnl_e8   INTEGER NOT NULL,
    unrealized_pnl_e8 INTEGER NOT NULL,
    open_positions    INTEGER NOT NULL
);
CREATE INDEX equity_snapshots_time ON equity_snapshots (taken_at);
