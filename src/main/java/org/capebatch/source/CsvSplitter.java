package org.capebatch.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a large CSV file into byte ranges that each start at a record boundary, so one
 * file can be imported by several partitions at once (DESIGN.md: "split by file and by
 * row ranges"). Every range must give exactly the records a single reader of the whole
 * file gives, so the scan follows the reader's own grammar (commons-csv, RFC 4180, no
 * trimming) byte by byte from the start of the file: a quote opens a quoted cell only as
 * the first character of a cell (in {@code 12" PIPE} it is a plain character), {@code ""}
 * inside a quoted cell is a quote, and a line break ends a record only outside a quoted
 * cell. Counting quotes instead was wrong: one stray quote flipped every later decision.
 *
 * <p>
 * Where the reader itself would stop (a character after a closing quote, a quoted cell
 * open at the end of the file) no boundary can be proven, and the file is read whole by
 * one reader, which reports the problem with its line. The same happens for encodings
 * where quote and line feed are not single bytes (UTF-16). In UTF-8 and Windows-1252 they
 * are, and no other character contains their byte, so a byte scan is exact.
 */
public final class CsvSplitter {

    private CsvSplitter() {
    }

    /**
     * At most {@code parts} ranges of at least {@code minBytes} each; the whole file when
     * it is smaller.
     */
    public static List<ByteRange> split(Path file, int parts, long minBytes) {
        try {
            long size = Files.size(file);
            int count = (int) Math.max(1, Math.min(parts, size / Math.max(1, minBytes)));
            if (count == 1) {
                return List.of(ByteRange.WHOLE_FILE);
            }
            CsvEncoding encoding = CsvEncoding.detect(file);
            if (!encoding.asciiCompatible()) {
                return List.of(ByteRange.WHOLE_FILE);
            }
            List<ByteRange> ranges = scan(file, size, count, encoding.bomLength());
            return ranges == null || ranges.size() == 1 ? List.of(ByteRange.WHOLE_FILE) : ranges;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * The ranges, or null when the grammar breaks somewhere (then only one reader can say
     * what the file holds).
     */
    private static List<ByteRange> scan(Path file, long size, int count, int bomLength) throws IOException {
        List<ByteRange> ranges = new ArrayList<>(count);
        Grammar grammar = new Grammar();
        long start = 0;
        long firstLine = 1;
        long lines = 0;
        int k = 1;
        long target = size * k / count;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(bomLength);
            byte[] buffer = new byte[1 << 20];
            long bufferStart = bomLength;
            for (int length = in.read(buffer); length > 0; length = in.read(buffer)) {
                for (int i = 0; i < length; i++) {
                    byte b = buffer[i];
                    if (!grammar.accept(b)) {
                        return null;
                    }
                    if (b == '\n') {
                        lines++;
                        long next = bufferStart + i + 1;
                        if (k < count && grammar.atRecordStart() && next > target && next < size) {
                            ranges.add(new ByteRange(start, next, firstLine));
                            start = next;
                            firstLine = lines + 1;
                            k++;
                            target = size * k / count;
                        }
                    }
                }
                bufferStart += length;
            }
        }
        if (!grammar.atEndOfFileOk()) {
            return null;
        }
        ranges.add(new ByteRange(start, Long.MAX_VALUE, firstLine));
        return ranges;
    }

    /**
     * The states of commons-csv's lexer that matter for record boundaries (RFC 4180: no
     * escape, no trimming).
     */
    static final class Grammar {

        private static final int CELL_START = 0;

        private static final int PLAIN = 1;

        private static final int QUOTED = 2;

        /**
         * A quote inside a quoted cell: a second quote makes it a literal quote, anything
         * else closes the cell.
         */
        private static final int QUOTE_IN_QUOTED = 3;

        /** After a closing quote: only whitespace, a comma or a line break may follow. */
        private static final int CLOSED = 4;

        private int state = CELL_START;

        /** Feeds one byte; false when the reader would fail here. */
        boolean accept(byte b) {
            switch (state) {
                case CELL_START -> state = b == '"' ? QUOTED : afterPlain(b);
                case PLAIN -> state = afterPlain(b);
                case QUOTED -> state = b == '"' ? QUOTE_IN_QUOTED : QUOTED;
                case QUOTE_IN_QUOTED -> {
                    if (b == '"') {
                        state = QUOTED;
                    }
                    else {
                        state = CLOSED;
                        return accept(b);
                    }
                }
                case CLOSED -> {
                    if (b == ',' || b == '\n' || b == '\r') {
                        state = CELL_START;
                    }
                    else if (!isWhitespace(b)) {
                        return false; // "invalid char between encapsulated token and
                                      // delimiter"
                    }
                }
                default -> throw new IllegalStateException("state " + state);
            }
            return true;
        }

        private static int afterPlain(byte b) {
            return b == ',' || b == '\n' || b == '\r' ? CELL_START : PLAIN;
        }

        /**
         * Java's Character.isWhitespace for the single-byte characters commons-csv skips
         * after a closing quote.
         */
        private static boolean isWhitespace(byte b) {
            return b == ' ' || b == '\t' || b == 0x0B || b == 0x0C || (b >= 0x1C && b <= 0x1F);
        }

        /** Right after a line break outside quotes: the next byte starts a record. */
        boolean atRecordStart() {
            return state == CELL_START;
        }

        /**
         * A quoted cell still open at the end of the file makes the reader fail ("EOF
         * reached before ...").
         */
        boolean atEndOfFileOk() {
            return state != QUOTED;
        }

    }

}
