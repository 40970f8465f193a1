package org.capebatch.source;

import java.util.List;

import org.capebatch.entry.EntryNumber;

/**
 * Consecutive input rows of one entry in one file: the unit the import step stages (one
 * database row).
 */
public record RowFragment(EntryNumber entry, int fileIndex, List<StagedRow> rows) {

    public long firstLine() {
        return rows.get(0).line();
    }
}
