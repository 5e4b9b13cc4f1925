-- Test only (never shipped): a migration that adds columns, which migrate-to-postgres and
-- migrate-to-sqlite must carry and verify with no change to their code. Version 1000 stays clear
-- of the real migrations.
ALTER TABLE orders ADD COLUMN test_note TEXT;
ALTER TABLE orders ADD COLUMN test_noted_at TEXT CHECK (test_noted_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z');
