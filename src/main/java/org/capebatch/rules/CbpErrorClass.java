package org.capebatch.rules;

/** What a CBP entry error means for the next run (SPEC §6.3). */
public enum CbpErrorClass {

    /**
     * The failure releases the entry: the next run assesses it afresh and re-declares it
     * if eligible.
     */
    RESUBMIT,
    /**
     * The entry is held out as CBP_FAILED (SPEC §3 check 14) until a release names it.
     */
    HOLD

}
