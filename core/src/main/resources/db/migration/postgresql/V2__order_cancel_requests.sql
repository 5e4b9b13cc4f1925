-- tradevault ledger, schema v2 (PostgreSQL). Same change as the SQLite migration of the same version:
-- a cancel is recorded (cancel_requested_at) before it is sent, so that a crash between replacing a
-- trailing stop's cancel and its new order leaves a ledger that says which stop was meant to stay.
ALTER TABLE orders ADD COLUMN cancel_requested_at TIMESTAMPTZ;
