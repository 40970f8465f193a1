package org.capebatch.assessment;

import java.util.List;

import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.RowSource;

/** All staged rows of one entry, in input order (file, then line), as the assess step reads them back. */
public record StagedEntry(EntryNumber number, List<Row> rows) {

    /** One row: where it came from and its cells in {@link org.capebatch.entry.Es003Column} order. */
    public record Row(RowSource source, String[] cells) {
    }
}
