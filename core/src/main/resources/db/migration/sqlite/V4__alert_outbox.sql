-- tradevault ledger, schema v4 (SQLite / SQLCipher): the alert outbox.
-- An alert is written here in the same transaction as the event it reports (where there is one), then
-- delivered by the bot to every configured channel (webhook, Telegram, email) and marked delivered.
-- A crash or a channel outage between the two leaves the row pending: it is retried with backoff, and
-- each channel that already took it is listed in delivered_to so that no channel receives it twice.
-- condition_key names what the alert is about (unprotected:BTCUSDT); the newest row of a condition says
-- whether it is raised or recovered, so that it is repeated at most every alerts.repeat-after and its
-- recovery is announced once.
CREATE TABLE alert_outbox (
    id               INTEGER PRIMARY KEY,
    condition_key    TEXT    NOT NULL CHECK (length(condition_key) BETWEEN 1 AND 128),
    event            TEXT    NOT NULL CHECK (length(event) BETWEEN 1 AND 64),
    state            TEXT    NOT NULL CHECK (state IN ('RAISED', 'RECOVERED', 'NOTICE')),
    severity         TEXT    NOT NULL CHECK (severity IN ('CRITICAL', 'WARNING', 'INFO')),
    title            TEXT    NOT NULL,
    detail           TEXT    NOT NULL,
    next_step        TEXT    NOT NULL,
    created_at       TEXT    NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  TEXT    NOT NULL CHECK (next_attempt_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    delivered_to     TEXT    NOT NULL DEFAULT '',
    delivered_at     TEXT    CHECK (delivered_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    last_error       TEXT
);
CREATE INDEX alert_outbox_pending ON alert_outbox (delivered_at, next_attempt_at);
CREATE INDEX alert_outbox_condition ON alert_outbox (condition_key, id);
