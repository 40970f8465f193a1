package org.capebatch.entry;

/** ADCVD Status (SPEC §2); blank means NONE. */
public enum AdcvdStatus {

    NONE, SUSPENDED, PENDING_LIQUIDATION

}
