package org.capebatch.source;

/**
 * One record of an input file as text cells, before any value is parsed.
 *
 * @param line  the physical line (CSV) or spreadsheet row (XLSX) where the record starts; the header is line 1
 * @param cells the cell texts in column order, never null; a record may be shorter than the header
 */
public record RawRow(long line, String[] cells) {

    /** The text of column {@code index}, or "" when the record has no such column. */
    public String cell(int index) {
        return index >= 0 && index < cells.length ? cells[index] : "";
    }

    /** Number of cells this record carries. */
    public int size() {
        return cells.length;
    }
}
