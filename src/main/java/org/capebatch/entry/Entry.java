package org.capebatch.entry;

import java.util.List;

/**
 * One entry summary with its usable tariff rows. {@code facts} come from its first row
 * that parsed (null when no row did). {@code dataError} is set when any of its rows was
 * rejected or its entry-level values conflict (SPEC §2, check 1 of §3); such an entry is
 * not assessed further.
 */
public record Entry(EntryNumber number, EntryFacts facts, List<TariffRow> rows, boolean dataError) {

    public Entry {
        rows = List.copyOf(rows);
    }
}
