package com.tradevault.app.trading;

/** Why the bot placed an order: to enter a position, to protect it, or to leave it at market. */
public enum OrderPurpose { ENTRY, STOP, EXIT }
