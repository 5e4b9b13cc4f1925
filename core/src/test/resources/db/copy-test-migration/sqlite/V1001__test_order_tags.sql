-- Test only (never shipped): a migration that adds a table referring to another one.
CREATE TABLE test_order_tags (
    id         INTEGER PRIMARY KEY,
    order_id   INTEGER NOT NULL REFERENCES orders (id),
    tag        TEXT    NOT NULL,
    detail     TEXT    NOT NULL CHECK (json_valid(detail)),
    tagged_at  TEXT    NOT NULL CHECK (tagged_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z')
);
