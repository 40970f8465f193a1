package org.capebatch.entry;

/** Protest Status (SPEC §2); blank means NONE. */
public enum ProtestStatus {

    NONE, OPEN, SUSPENDED

}
