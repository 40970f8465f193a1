package org.capebatch.answers;

/** What a valid answer row asks of the ledger. */
public enum AnswerAction {

    /**
     * Accepted under a claim number (Claim Details {@code Entry Summary Updated}, every
     * ES-022 row).
     */
    ACCEPT,
    /** Failed with a CBP error (Claim Details {@code Failed}). */
    FAIL,
    /** Released for a new declaration (SPEC §6.4). */
    RELEASE

}
