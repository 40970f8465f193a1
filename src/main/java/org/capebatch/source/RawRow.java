package org.capebatch.source;

import java.util.Arrays;

/**
 * One record of an input file as text cells, before any value is parsed.
 *
 * @param line the physical line (CSV) or spreadsheet row (XLSX) where the record starts;
 * the header is line 1
 * @param cells the cell texts in column order, never null; a record may be shorter than
 * the header (compare rows with {@link Arrays#equals(Object[], Object[])}: record
 * equality on an array is identity)
 */
public record RawRow(long line, String[] cells) {

    /** The text of column {@code index}, or "" when the record has no such column. */
    public String cell(int index) {
        return index >= 0 && index < cells.length ? cells[index] : "";
    }

    @Override
    public String toString() {
        return "RawRow[line=" + line + ", cells=" + Arrays.toString(cells) + "]";
    }

    /** Number of cells this record carries. */
    public int size() {
        return cells.length;
    }
}
