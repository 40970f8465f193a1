package org.capebatch.declaration;

import java.util.List;

import org.capebatch.entry.EntryNumber;

/**
 * One planned upload file (SPEC §5): its name without extension, its group, its number in
 * the group, entries.
 */
public record Declaration(String fileStem, String groupKey, int sequence, List<EntryNumber> entries) {

    public Declaration {
        entries = List.copyOf(entries);
    }
}
