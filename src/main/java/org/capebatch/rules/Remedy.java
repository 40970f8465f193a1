package org.capebatch.rules;

/** What a broker does next about an entry (SPEC §3, column "remedy"). */
public enum Remedy {

    FILE_CAPE, FIX_DATA, NONE, AWAIT_PHASE, REVIEW, PROTEST, COURT, RETRY, OTHER_DECLARANT, FILE_PSC

}
