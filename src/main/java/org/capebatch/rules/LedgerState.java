package org.capebatch.rules;

/**
 * An entry's state in the ledger (SPEC §6.5): DECLARED (on a complete declaration, no
 * answer from CBP yet) → ACCEPTED (under a claim number; final) or FAILED (a CBP error of
 * class HOLD) → RELEASED (by a RESUBMIT failure or a release) → DECLARED again when a
 * later run puts it on a new declaration.
 */
public enum LedgerState {

    DECLARED, ACCEPTED, FAILED, RELEASED

}
