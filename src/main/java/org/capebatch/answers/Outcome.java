package org.capebatch.answers;

/** What an answer row did (SPEC §6.6 answers.csv {@code outcome}). */
public enum Outcome {

    APPLIED, UNCHANGED, UNKNOWN_ENTRY, REFUSED, REJECTED

}
