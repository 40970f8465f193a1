package org.capebatch.assessment;

import org.capebatch.entry.EntryNumber;

/**
 * An exception no check of SPEC §3 foresaw, thrown while assessing one entry (a bug in a
 * rule, a value the parser let through). The assess step skips exactly these; bad values
 * that the checks recognise stay data (DATA_ERROR).
 */
public class UnassessableEntryException extends RuntimeException {

    private final transient EntryNumber entry;

    public UnassessableEntryException(EntryNumber entry, RuntimeException cause) {
        super("entry " + entry.value() + " could not be assessed: " + cause, cause);
        this.entry = entry;
    }

    public EntryNumber entry() {
        return entry;
    }

}
