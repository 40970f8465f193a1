package org.capebatch.source;

/**
 * One input row as staged: its physical line and its cells in
 * {@link org.capebatch.entry.Es003Column} order. A row the import already knows to be
 * unusable (shorter than the header) is staged with that {@code defect} and its column,
 * so that the assess step rejects it and makes its entry a DATA_ERROR; both are null for
 * a whole row.
 */
public record StagedRow(long line, String[] cells, String defectColumn, String defect) {

    public StagedRow(long line, String[] cells) {
        this(line, cells, null, null);
    }
}
