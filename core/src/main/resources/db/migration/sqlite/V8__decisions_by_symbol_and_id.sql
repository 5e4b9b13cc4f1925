-- tradevault ledger, schema v8 (SQLite / SQLCipher).
-- Decisions of a symbol are read newest first by id, not by decided_at: the dashboard's and report's
-- list (symbol = ? ORDER BY id DESC) and retention's open run of a symbol (symbol = ? AND id <= cursor
-- ORDER BY id DESC). Ids are given in the order the bot decides, so the order is the same. The
-- (symbol, decided_at) index repeated the 27-character time of every decision: 45 bytes an entry,
-- 4.4 MB of a 22.6 MB day at one scan a second. An index on symbol alone holds (symbol, rowid), which
-- is exactly the order those reads need, in 1.6 MB a day (docs/benchmarks.md, "Where a day's bytes go").
-- Both statements are one transaction with the migration: a crash leaves the old index or the new one.
DROP INDEX trade_decisions_symbol_time;
CREATE INDEX trade_decisions_symbol ON trade_decisions (symbol);
