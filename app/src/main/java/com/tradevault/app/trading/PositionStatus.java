package com.tradevault.app.trading;

/** Whether a position still holds the asset. */
public enum PositionStatus { OPEN, CLOSED }
