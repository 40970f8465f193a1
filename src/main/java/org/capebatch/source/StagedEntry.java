package org.capebatch.source;

import java.util.List;

import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.ParsedRow;

/** All staged rows of one entry, in input order (file, then line), as the assess step reads them back. */
public record StagedEntry(EntryNumber number, List<ParsedRow> rows) {
}
