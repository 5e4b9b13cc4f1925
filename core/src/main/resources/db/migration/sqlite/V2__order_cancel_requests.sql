-- tradevault ledger, schema v2 (SQLite / SQLCipher).
-- A cancel is recorded before it is sent, like every order: when the bot replaces a trailing stop it
-- writes the cancel request of the old stop and the intent of the new one in one transaction, so that
-- after a crash the ledger says which stop was meant to go and which was meant to stay.
ALTER TABLE orders ADD COLUMN cancel_requested_at TEXT
    CHECK (cancel_requested_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z');
