package org.capebatch.entry;

/**
 * Liquidation Status (SPEC §2); blank is LIQUIDATED when a Liquidation Date is given,
 * else UNLIQUIDATED.
 */
public enum LiquidationStatus {

    UNLIQUIDATED, LIQUIDATED, RELIQUIDATED, SUSPENDED, EXTENDED, UNDER_REVIEW

}
