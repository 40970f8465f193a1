package org.capebatch.assessment;

import org.capebatch.entry.EntryNumber;

/**
 * The declaration group of an eligible entry (SPEC §5). The rule belongs to the
 * declaration feature; the assess step only applies it, so that the declare step can
 * split by a stored key.
 */
@FunctionalInterface
public interface GroupKeys {

    String of(String importerNumber, EntryNumber entry);

}
