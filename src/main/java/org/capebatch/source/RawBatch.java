package org.capebatch.source;

import java.util.List;

import org.capebatch.entry.Es003Header;

/**
 * A slice of consecutive raw rows of one input file: the import step's item. Rows travel
 * in batches because the framework's per-item cost would otherwise dominate at millions
 * of rows.
 */
public record RawBatch(InputPart part, Es003Header header, List<RawRow> rows) {

    public InputFile file() {
        return part.file();
    }
}
