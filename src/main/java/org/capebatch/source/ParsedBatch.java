package org.capebatch.source;

import java.util.List;

import org.capebatch.entry.ParsedRow;

/** The rows of a {@link RawBatch} after parsing; every row is either staged or rejected, none dropped. */
public record ParsedBatch(InputFile file, List<ParsedRow> rows) {
}
