-- tradevault ledger, schema v8 (PostgreSQL). Same change as the SQLite migration of the same version:
-- decisions of a symbol are read newest first by id, so the index is (symbol, id) instead of
-- (symbol, decided_at). SQLite's index on symbol alone holds the rowid, i.e. the same (symbol, id).
DROP INDEX trade_decisions_symbol_time;
CREATE INDEX trade_decisions_symbol ON trade_decisions (symbol, id);
