-- tradevault ledger, schema v3 (PostgreSQL). Same change as the SQLite migration of the same version:
-- no query of the bot reads orders by (symbol, status), so that index only cost upkeep at every write.
DROP INDEX orders_symbol_status;
