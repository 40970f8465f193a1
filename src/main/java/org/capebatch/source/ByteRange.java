package org.capebatch.source;

/**
 * A slice of a CSV file that starts at a record boundary: bytes {@code [start, end)},
 * whose first byte is on physical line {@code firstLine}. Part 0 starts at the beginning
 * of the file (its header).
 */
public record ByteRange(long start, long end, long firstLine) {

    public static final ByteRange WHOLE_FILE = new ByteRange(0, Long.MAX_VALUE, 1);

    public boolean wholeFile() {
        return start == 0 && end == Long.MAX_VALUE;
    }
}
