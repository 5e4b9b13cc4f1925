-- tradevault ledger, schema v6 (PostgreSQL).
-- Retention: a run of identical SKIP/HOLD decisions (same symbol, decision and skip reason) older than
-- retention.decision-detail is folded into its first row, which then counts the rows it stands for
-- (folded_count) and says when the last of them was decided (folded_until). Identical audit entries
-- (same event type and data) older than retention.audit-detail are folded the same way. A row that
-- stands only for itself has folded_count 1 and no folded_until. ENTER and EXIT decisions are never folded.
ALTER TABLE trade_decisions ADD COLUMN folded_count BIGINT NOT NULL DEFAULT 1 CHECK (folded_count > 0);
ALTER TABLE trade_decisions ADD COLUMN folded_until TIMESTAMPTZ;
ALTER TABLE audit_log ADD COLUMN folded_count BIGINT NOT NULL DEFAULT 1 CHECK (folded_count > 0);
ALTER TABLE audit_log ADD COLUMN folded_until TIMESTAMPTZ;
