package org.capebatch.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Reads RFC 4180 records exactly as commons-csv's {@code CSVFormat.RFC4180} with empty
 * lines kept reads them: the same cells, the same line numbers, the same errors with the
 * same messages (CsvRecordParserTest compares the two on thousands of random inputs). The
 * grammar is commons-csv's: a quote inside an unquoted cell is text; a quoted cell may
 * hold commas, quotes written twice and line breaks; whitespace between a closing quote
 * and the next comma or line end is dropped, anything else there is an error, as is a
 * file ending inside quotes; CR, LF and CRLF each end a line; an empty line is a record
 * of one empty cell; a comma just before the end of the file ends the record with an
 * empty cell. It exists for speed: commons-csv appends every character to a token through
 * three layers of readers, which was 40 % of the import's CPU; here an unquoted cell is
 * found by a scan of the buffer and cut out as one String.
 */
final class CsvRecordParser implements Closeable {

    private static final int EOF = -1;

    /** Nothing read yet (commons-csv's {@code Constants.UNDEFINED}). */
    private static final int UNDEFINED = -2;

    private static final char COMMA = ',';

    private static final char QUOTE = '"';

    private static final char CR = '\r';

    private static final char LF = '\n';

    private final Reader in;

    private final char[] buffer;

    private int pos;

    private int limit;

    /** Characters read before {@code buffer[0]}. */
    private long charsBefore;

    private int lastChar = UNDEFINED;

    /** Line ends seen, counted like commons-csv's ExtendedBufferedReader. */
    private long lineEnds;

    private final StringBuilder cell = new StringBuilder(128);

    /** Cells of the last record: the next one usually has as many. */
    private int expectedCells = 32;

    private String text;

    CsvRecordParser(Reader in) {
        this(in, 1 << 16);
    }

    /** With a buffer of {@code bufferChars}; tests use tiny ones to cross its edges. */
    CsvRecordParser(Reader in, int bufferChars) {
        this.in = in;
        this.buffer = new char[bufferChars];
    }

    /**
     * The current line, as commons-csv's {@code CSVParser.getCurrentLineNumber()}: the
     * lines ended so far, plus one while inside a line.
     */
    long lineNumber() {
        return lastChar == CR || lastChar == LF || lastChar == UNDEFINED || lastChar == EOF ? lineEnds : lineEnds + 1;
    }

    /** The next record's cells, or null at the end of the input. */
    String[] next() throws IOException {
        // A new array per record rather than one list reused: storing fresh cells into a
        // long-lived array costs a garbage-collector write barrier each (measured: 6 % of
        // the import's CPU).
        String[] cells = new String[expectedCells];
        int count = 0;
        boolean afterComma = false;
        while (true) {
            int last = lastChar;
            int c = read();
            boolean eol = endOfLine(c);
            if (last == EOF || !afterComma && c == EOF) {
                return null;
            }
            int end;
            if (c == COMMA) {
                text = "";
                end = COMMA;
            }
            else if (eol || c == EOF) {
                text = "";
                end = EOF;
            }
            else if (c == QUOTE) {
                end = quoted();
            }
            else {
                end = unquoted();
            }
            if (count == cells.length) {
                cells = Arrays.copyOf(cells, count * 2 + 1);
            }
            cells[count++] = text;
            if (end != COMMA) {
                expectedCells = count;
                return count == cells.length ? cells : Arrays.copyOf(cells, count);
            }
            afterComma = true;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * The rest of an unquoted cell whose first character was just read; returns
     * {@link #COMMA} or, at a line end or the end of the input, {@link #EOF}.
     */
    private int unquoted() throws IOException {
        int start = pos - 1;
        int i = pos;
        while (i < limit) {
            char ch = buffer[i];
            if (ch == COMMA || ch == LF || ch == CR) {
                break;
            }
            i++;
        }
        if (i < limit) {
            // the cell lies in the buffer and holds no line end: nothing to count
            text = new String(buffer, start, i - start);
            lastChar = buffer[i - 1];
            pos = i;
            return read() == COMMA ? COMMA : endOfLineOrEof();
        }
        cell.setLength(0);
        cell.append(buffer, start, limit - start);
        lastChar = buffer[limit - 1];
        pos = limit;
        while (true) {
            int c = read();
            if (endOfLine(c) || c == EOF) {
                text = cell.toString();
                return EOF;
            }
            if (c == COMMA) {
                text = cell.toString();
                return COMMA;
            }
            cell.append((char) c);
        }
    }

    /** Consumes the LF of a CRLF whose CR was just read. */
    private int endOfLineOrEof() throws IOException {
        endOfLine(lastChar);
        return EOF;
    }

    /** A quoted cell whose opening quote was just read. */
    private int quoted() throws IOException {
        long startLine = lineNumber();
        cell.setLength(0);
        while (true) {
            int i = pos;
            int previous = lastChar;
            while (i < limit) {
                char ch = buffer[i];
                if (ch == QUOTE) {
                    break;
                }
                if (ch == CR || ch == LF && previous != CR) {
                    lineEnds++;
                }
                previous = ch;
                i++;
            }
            if (i > pos) {
                cell.append(buffer, pos, i - pos);
                lastChar = buffer[i - 1];
                pos = i;
            }
            if (i == limit) {
                if (peek() == EOF) {
                    read();
                    throw new CsvSyntaxException(
                            String.format("(startline %,d) EOF reached before encapsulated token finished", startLine));
                }
                continue;
            }
            read();
            if (peek() == QUOTE) {
                cell.append((char) read());
                continue;
            }
            text = cell.toString();
            return afterClosingQuote();
        }
    }

    private int afterClosingQuote() throws IOException {
        while (true) {
            int c = read();
            if (c == COMMA) {
                return COMMA;
            }
            if (c == EOF || endOfLine(c)) {
                return EOF;
            }
            if (!Character.isWhitespace((char) c)) {
                throw new CsvSyntaxException(String.format(
                        "Invalid character between encapsulated token and delimiter at line: %,d, position: %,d",
                        lineNumber(), charsBefore + pos));
            }
        }
    }

    /** True for CR, LF or CR LF (the LF then consumed). */
    private boolean endOfLine(int c) throws IOException {
        if (c == CR && peek() == LF) {
            read();
            return true;
        }
        return c == LF || c == CR;
    }

    private int read() throws IOException {
        int c = pos < limit || fill() ? buffer[pos++] : EOF;
        if (c == CR || c == LF && lastChar != CR || c == EOF && lastChar != CR && lastChar != LF && lastChar != EOF) {
            lineEnds++;
        }
        lastChar = c;
        return c;
    }

    private int peek() throws IOException {
        return pos < limit || fill() ? buffer[pos] : EOF;
    }

    private boolean fill() throws IOException {
        charsBefore += limit;
        pos = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        }
        while (n == 0);
        if (n < 0) {
            return false;
        }
        limit = n;
        return true;
    }

    /** Input that is not RFC 4180 (commons-csv's CSVException, same messages). */
    static final class CsvSyntaxException extends IOException {

        private static final long serialVersionUID = 1L;

        CsvSyntaxException(String message) {
            super(message);
        }

    }

}
