-- tradevault ledger, schema v3 (SQLite / SQLCipher).
-- No query of the bot reads orders by symbol and status: open orders are read by status
-- (orders_status), a position's orders by position_id (orders_position), one order by its client or
-- exchange order id (unique keys). The (symbol, status) index was only kept up to date: one more
-- b-tree page written, encrypted and synced at every order commit (5.3 instead of 6.4 pages per
-- single-order commit, measured in docs/benchmarks.md).
DROP INDEX orders_symbol_status;
