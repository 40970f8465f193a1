package org.capebatch.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a large CSV file into byte ranges that each start at a record boundary, so one file can be imported by
 * several partitions at once (DESIGN.md: "split by file and by row ranges"). A line feed ends a record exactly when
 * it is outside quotes, and under RFC 4180 that is when the number of quote characters before it is even (a quote
 * inside a quoted cell is doubled). Quote and line feed are single bytes in UTF-8 and Windows-1252 alike, so one
 * byte scan finds the boundaries and counts the physical lines before each.
 */
public final class CsvSplitter {

    private CsvSplitter() {
    }

    /** At most {@code parts} ranges of at least {@code minBytes} each; the whole file when it is smaller. */
    public static List<ByteRange> split(Path file, int parts, long minBytes) {
        try {
            long size = Files.size(file);
            int count = (int) Math.max(1, Math.min(parts, size / Math.max(1, minBytes)));
            if (count == 1) {
                return List.of(ByteRange.WHOLE_FILE);
            }
            List<ByteRange> ranges = new ArrayList<>(count);
            long start = 0;
            long firstLine = 1;
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 20];
                long bufferStart = 0;
                int length = 0;
                int i = 0;
                long lines = 0;
                boolean quoted = false;
                for (int k = 1; k < count; k++) {
                    long target = size * k / count;
                    long boundary = -1;
                    scan:
                    while (true) {
                        if (i == length) {
                            bufferStart += length;
                            length = in.read(buffer);
                            i = 0;
                            if (length <= 0) {
                                break;
                            }
                        }
                        for (; i < length; i++) {
                            byte b = buffer[i];
                            if (b == '"') {
                                quoted = !quoted;
                            } else if (b == '\n') {
                                lines++;
                                if (!quoted && bufferStart + i + 1 > target) {
                                    boundary = bufferStart + i + 1;
                                    i++;
                                    break scan;
                                }
                            }
                        }
                    }
                    if (boundary < 0) {
                        break;
                    }
                    ranges.add(new ByteRange(start, boundary, firstLine));
                    start = boundary;
                    firstLine = lines + 1;
                }
            }
            ranges.add(new ByteRange(start, Long.MAX_VALUE, firstLine));
            return ranges.size() == 1 ? List.of(ByteRange.WHOLE_FILE) : ranges;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
