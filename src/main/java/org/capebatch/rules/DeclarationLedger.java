package org.capebatch.rules;

import org.capebatch.entry.EntryNumber;

/** Check 13 of SPEC §3: whether an entry is on a declaration of an earlier job instance. Supplied by the job. */
@FunctionalInterface
public interface DeclarationLedger {

    DeclarationLedger EMPTY = entry -> false;

    boolean declaredEarlier(EntryNumber entry);
}
