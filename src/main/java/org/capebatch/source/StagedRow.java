package org.capebatch.source;

/** One input row as staged: its physical line and its cells in {@link org.capebatch.entry.Es003Column} order. */
public record StagedRow(long line, String[] cells) {
}
