-- Test only (never shipped): the PostgreSQL side of the SQLite test migration of the same version.
ALTER TABLE orders ADD COLUMN test_note TEXT;
ALTER TABLE orders ADD COLUMN test_noted_at TIMESTAMPTZ;
