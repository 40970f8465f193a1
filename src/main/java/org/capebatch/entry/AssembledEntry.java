package org.capebatch.entry;

import java.util.List;

/**
 * An entry built from its rows, and every row left out of it: rows that did not parse,
 * duplicates and rows that conflict (SPEC §2 "Nothing is lost"); they all go to
 * {@code rejected-rows.csv}.
 */
public record AssembledEntry(Entry entry, List<RowError> rejections) {

    public AssembledEntry {
        rejections = List.copyOf(rejections);
    }
}
