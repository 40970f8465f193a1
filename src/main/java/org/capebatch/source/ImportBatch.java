package org.capebatch.source;

import java.util.List;

import org.capebatch.entry.ParsedRow;

/**
 * A {@link RawBatch} ready to stage: its rows grouped into fragments by entry, and the
 * rows whose entry number is invalid (SPEC §2: they cannot be tied to an entry and appear
 * only in rejected-rows.csv). Every row is in one or the other.
 */
public record ImportBatch(InputPart part, List<RowFragment> fragments, List<ParsedRow> rejected, int rowsRead) {
}
