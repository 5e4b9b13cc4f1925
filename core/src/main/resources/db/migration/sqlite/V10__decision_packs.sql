-- tradevault ledger, schema v10 (SQLite / SQLCipher).
-- Decision packs: retention moves SKIP and HOLD decisions that are already in a verified backup or
-- replica out of trade_decisions into packs of one symbol's decisions of one kind, up to 500 each
-- (a batch of retention), compressed together: every decision with its id, time, kind, reason and whole payload, losslessly
-- (docs/backup-restore.md, "Decision packs"). A decision row costs about 230 bytes, a packed one about 20,
-- which is what keeps a year at the default 90 days of detail within 500 MB. ENTER and EXIT decisions,
-- and the newest decision, are never packed. Folding (retention.decision-detail) unpacks a pack back into
-- rows before it folds them.
-- body: base64 of the raw DEFLATE (RFC 1951) of the pack's lines, one per decision, oldest first:
--   id minus the previous id (the first: minus first_id), TAB, microseconds after the previous decision
--   (the first: after decided_from), TAB, decision, TAB, skip reason or nothing, TAB, payload JSON, LF.
-- decided_from and decided_until are the earliest and latest decided_at in the pack.
CREATE TABLE decision_packs (
    id             INTEGER PRIMARY KEY,
    symbol         TEXT    NOT NULL CHECK (length(symbol) BETWEEN 1 AND 32),
    decision       TEXT    NOT NULL CHECK (decision IN ('HOLD', 'SKIP')),
    first_id       INTEGER NOT NULL UNIQUE,
    last_id        INTEGER NOT NULL UNIQUE,
    decided_from   TEXT    NOT NULL CHECK (decided_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    decided_until  TEXT    NOT NULL CHECK (decided_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    decisions      INTEGER NOT NULL CHECK (decisions > 0),
    body           TEXT    NOT NULL CHECK (length(body) >= 1),
    CHECK (first_id <= last_id),
    CHECK (decided_from <= decided_until)
);
CREATE INDEX decision_packs_symbol ON decision_packs (symbol, last_id);
