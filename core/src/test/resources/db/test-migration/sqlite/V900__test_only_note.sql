-- test-only migration: proves setup-db snapshots a ledger before migrating it
ALTER TABLE kv ADD COLUMN note TEXT;
