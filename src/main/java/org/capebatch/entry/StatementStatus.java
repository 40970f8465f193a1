package org.capebatch.entry;

/** Statement Status (SPEC §2); blank means PAID. */
public enum StatementStatus {

    PAID, UNPAID

}
