package org.capebatch.answers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.capebatch.source.CsvRawRowReader;
import org.capebatch.source.MalformedSourceException;
import org.capebatch.source.RawRow;
import org.capebatch.source.RawRowReader;
import org.capebatch.source.XlsxRawRowReader;

/**
 * Streams the data rows of one answers file (SPEC §6.2, §6.4) through the ES-003 readers
 * of {@code source}: CSV in any of SPEC §2's encodings, or XLSX (sheet
 * {@code Main Report} when there is one, else the first). The header is the first row
 * holding the key columns of a kind; title rows above it are skipped, looked for in the
 * first {@link #HEADER_SEARCH_ROWS} non-blank rows. A file with no such header, an empty
 * file or one that is not CSV or XLSX is refused with its name
 * ({@link UnreadableAnswerFileException}).
 */
public final class AnswerFileReader implements AutoCloseable {

    public static final int HEADER_SEARCH_ROWS = 50;
    static final String ES022_SHEET = "Main Report";

    private final RawRowReader reader;

    private final AnswerHeader header;

    private AnswerFileReader(RawRowReader reader, AnswerHeader header) {
        this.reader = reader;
        this.header = header;
    }

    public static AnswerFileReader open(Path file, ImportKind importKind) {
        String name = file.getFileName().toString();
        RawRowReader reader = openRaw(file, name);
        try {
            Optional<AnswerHeader> header = AnswerHeader.detect(importKind, reader.header());
            for (int rows = 1; header.isEmpty() && rows < HEADER_SEARCH_ROWS; rows++) {
                RawRow row = reader.next();
                if (row == null) {
                    break;
                }
                header = AnswerHeader.detect(importKind, List.of(row.cells()));
            }
            if (header.isEmpty()) {
                throw new UnreadableAnswerFileException(
                        name + ": not a file this import reads (no header row with" + " the key columns in its first "
                                + HEADER_SEARCH_ROWS + " rows); expected " + AnswerHeader.expected(importKind));
            }
            return new AnswerFileReader(reader, header.get());
        }
        catch (MalformedSourceException e) {
            reader.close();
            throw new UnreadableAnswerFileException(e.getMessage(), e);
        }
        catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static RawRowReader openRaw(Path file, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (Files.isRegularFile(file) && Files.size(file) == 0) {
                throw new UnreadableAnswerFileException(name + ": the file is empty");
            }
            if (lower.endsWith(".csv")) {
                return new CsvRawRowReader(file);
            }
            if (lower.endsWith(".xlsx")) {
                return new XlsxRawRowReader(file, ES022_SHEET);
            }
        }
        catch (MalformedSourceException e) {
            throw new UnreadableAnswerFileException(e.getMessage(), e);
        }
        catch (java.io.IOException e) {
            throw new UnreadableAnswerFileException(name + ": cannot be read: " + e.getMessage(), e);
        }
        throw new UnreadableAnswerFileException(name + ": not a .csv or .xlsx file");
    }

    public AnswerHeader header() {
        return header;
    }

    /** The next data row after the header, or null at the end of the file. */
    public RawRow next() {
        try {
            return reader.next();
        }
        catch (MalformedSourceException e) {
            throw new UnreadableAnswerFileException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        reader.close();
    }

}
