package com.tradevault.app.exchange.paper;

import java.util.List;

/** The paper exchange's tables; created if missing, so opening an existing state file changes nothing. */
final class PaperSchema {

    static final List<String> STATEMENTS = List.of(
            "CREATE TABLE IF NOT EXISTS orders ("
                    + " order_id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " symbol TEXT NOT NULL,"
                    + " client_order_id TEXT NOT NULL UNIQUE,"
                    + " side TEXT NOT NULL CHECK (side IN ('BUY','SELL')),"
                    + " type TEXT NOT NULL CHECK (type IN ('MARKET','LIMIT','STOP_LOSS','STOP_LOSS_LIMIT')),"
                    + " status TEXT NOT NULL CHECK (status IN"
                    + " ('NEW','PARTIALLY_FILLED','FILLED','CANCELED','REJECTED','EXPIRED')),"
                    + " quantity_e8 INTEGER NOT NULL CHECK (quantity_e8 > 0),"
                    + " executed_e8 INTEGER NOT NULL,"
                    + " cum_quote_e8 INTEGER NOT NULL,"
                    + " price_e8 INTEGER,"
                    + " stop_price_e8 INTEGER,"
                    + " triggered INTEGER NOT NULL CHECK (triggered IN (0,1)),"
                    + " locked_asset TEXT NOT NULL,"
                    + " locked_e8 INTEGER NOT NULL CHECK (locked_e8 >= 0),"
                    + " created_us INTEGER NOT NULL,"
                    + " updated_us INTEGER NOT NULL)",
            "CREATE INDEX IF NOT EXISTS orders_open ON orders (status, symbol)",
            "CREATE TABLE IF NOT EXISTS trades ("
                    + " trade_id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " symbol TEXT NOT NULL,"
                    + " order_id INTEGER NOT NULL REFERENCES orders (order_id),"
                    + " side TEXT NOT NULL CHECK (side IN ('BUY','SELL')),"
                    + " price_e8 INTEGER NOT NULL,"
                    + " quantity_e8 INTEGER NOT NULL,"
                    + " commission_e8 INTEGER NOT NULL,"
                    + " commission_asset TEXT NOT NULL,"
                    + " time_us INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS balances ("
                    + " asset TEXT PRIMARY KEY,"
                    + " free_e8 INTEGER NOT NULL CHECK (free_e8 >= 0),"
                    + " locked_e8 INTEGER NOT NULL CHECK (locked_e8 >= 0))",
            "CREATE TABLE IF NOT EXISTS prices ("
                    + " symbol TEXT PRIMARY KEY,"
                    + " price_e8 INTEGER NOT NULL,"
                    + " ticks INTEGER NOT NULL,"
                    + " updated_us INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS candles ("
                    + " symbol TEXT NOT NULL,"
                    + " open_us INTEGER NOT NULL,"
                    + " open_e8 INTEGER NOT NULL,"
                    + " high_e8 INTEGER NOT NULL,"
                    + " low_e8 INTEGER NOT NULL,"
                    + " close_e8 INTEGER NOT NULL,"
                    + " PRIMARY KEY (symbol, open_us)) WITHOUT ROWID");

    private PaperSchema() {
    }
}
