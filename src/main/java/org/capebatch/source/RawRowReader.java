package org.capebatch.source;

import java.util.List;

/**
 * Pull-based, streaming reader of one ES-003 file as text rows (SPEC §2). Values are not
 * interpreted here; blank records are skipped. Failures are unchecked:
 * {@link MalformedSourceException} for a file that cannot be read as its format,
 * {@link java.io.UncheckedIOException} for I/O errors.
 */
public interface RawRowReader extends AutoCloseable {

    /** The header cells (the file's first non-blank record), as written. */
    List<String> header();

    /** The next non-blank record after the header, or null at the end of the file. */
    RawRow next();

    /**
     * How far the reader got: the last physical line (CSV) or spreadsheet row (XLSX)
     * consumed so far, including the header and skipped blank lines.
     */
    long linesConsumed();

    /**
     * Bytes of the source consumed so far (read-ahead included), for progress; 0 where
     * unknown.
     */
    default long bytesRead() {
        return 0;
    }

    @Override
    void close();

}
