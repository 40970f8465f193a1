package org.capebatch.entry;

/**
 * Where an input row came from: the file name (no path) and its 1-based physical line
 * (header = line 1).
 */
public record RowSource(String file, long line) {
}
