package org.capebatch.answers;

/** The kind of one answer row, as answers.csv names it (SPEC §6.6). */
public enum AnswerKind {

    CLAIM_DETAILS, ES022, RELEASE

}
