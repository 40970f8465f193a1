package org.capebatch.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes ES-003 rows as Excel would save them: RFC 4180 quoting only where needed, CRLF,
 * ASCII. Streams through a large buffer so millions of rows cost no memory.
 */
final class Es003CsvWriter implements Closeable {

    private final BufferedWriter out;

    private final StringBuilder line = new StringBuilder(256);

    private long rows;

    Es003CsvWriter(Path file) throws IOException {
        this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII), 1 << 20);
    }

    void writeHeader() throws IOException {
        writeRow(Es003Columns.HEADERS.toArray(String[]::new));
        rows = 0;
    }

    void writeRow(String[] cells) throws IOException {
        line.setLength(0);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            appendCell(cells[i] == null ? "" : cells[i]);
        }
        line.append('\r').append('\n');
        out.append(line);
        rows++;
    }

    /** Data rows written so far (the header not counted). */
    long rows() {
        return rows;
    }

    private void appendCell(String cell) {
        boolean quote = false;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            line.append(cell);
            return;
        }
        line.append('"');
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

}
