package org.capebatch.rules;

/** Why an entry is excluded, in the order of the checks of SPEC §3. */
public enum Reason {
    DATA_ERROR,
    NO_IEEPA_DUTY,
    ENTRY_NOT_ACCEPTED,
    ENTRY_TYPE_EXCLUDED,
    DRAWBACK,
    RECONCILIATION,
    PROTEST_PENDING,
    SURETY_PAID,
    ADCVD_PENDING_LIQUIDATION,
    LIQUIDATION_WINDOW_PASSED,
    STATEMENT_UNPAID,
    NOT_DECLARANT,
    ALREADY_DECLARED,
    CBP_FAILED
}
