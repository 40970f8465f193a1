package org.capebatch.entry;

/** Entry Summary Status (SPEC §2); blank means ACCEPTED. */
public enum SummaryStatus {

    ACCEPTED, CANCELLED, REJECTED

}
