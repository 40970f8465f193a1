package org.capebatch.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams an ES-003 CSV (SPEC §2): RFC 4180 quoting, CRLF or LF, UTF-8 (BOM or not) or
 * Windows-1252; records whose cells are all blank are skipped. Cells are returned exactly
 * as decoded — {@code ="..."} wrappers and surrounding spaces are left for the value
 * parser. Memory stays flat: commons-csv reads one record at a time.
 */
public final class CsvRawRowReader implements RawRowReader {

    // Empty lines come through as records so that line numbers can be counted here (see
    // next()).
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final Path file;

    private final Charset charset;

    private final CSVParser parser;

    private final Iterator<CSVRecord> records;

    private final List<String> header;

    /**
     * Physical lines before the first byte read (non-zero for a range that starts inside
     * the file).
     */
    private final long lineOffset;

    private final BoundedInputStream counted;

    public CsvRawRowReader(Path file) {
        this(file, ByteRange.WHOLE_FILE);
    }

    /**
     * Reads only {@code range} of the file (see {@link CsvSplitter}); the header still
     * comes from the file's first record, and line numbers stay those of the whole file.
     */
    public CsvRawRowReader(Path file, ByteRange range) {
        this.file = file;
        this.lineOffset = range.firstLine() - 1;
        CSVParser opened = null;
        try {
            CsvEncoding encoding = CsvEncoding.detect(file);
            this.charset = encoding.charset();
            // Bytes invalid in the detected charset (past the sniffed 64 KB) become
            // U+FFFD instead of failing the file.
            var decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
            InputStream in = Files.newInputStream(file);
            BoundedInputStream counting = null;
            try {
                if (range.start() > 0) {
                    in.skipNBytes(range.start());
                }
                else {
                    in.skipNBytes(encoding.bomLength());
                }
                counting = BoundedInputStream.builder()
                    .setInputStream(in)
                    .setMaxCount(range.end() == Long.MAX_VALUE ? -1
                            : range.end() - Math.max(range.start(), encoding.bomLength()))
                    .get();
                in = counting;
                var reader = new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024);
                opened = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
            }
            catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
            this.counted = counting;
            this.parser = opened;
            this.records = opened.iterator();
            if (range.start() > 0) {
                try (CsvRawRowReader whole = new CsvRawRowReader(file)) {
                    this.header = whole.header();
                }
            }
            else {
                RawRow first = next();
                if (first == null) {
                    throw new MalformedSourceException(file, 0, "no header row (the file is empty)", null);
                }
                this.header = List.of(first.cells());
            }
        }
        catch (IOException e) {
            closeQuietly(opened);
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        catch (RuntimeException e) {
            closeQuietly(opened);
            throw e;
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    /** The charset the file is decoded with. */
    public Charset charset() {
        return charset;
    }

    @Override
    public RawRow next() {
        while (true) {
            // The parser has consumed the previous record's line break, so the next
            // record starts one line later;
            // a quoted cell with line breaks makes the record span several physical
            // lines.
            long startLine = lineOffset + parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            }
            catch (UncheckedIOException | IllegalStateException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new MalformedSourceException(file, startLine, "malformed CSV: " + cause.getMessage(), e);
            }
            String[] cells = record.values();
            if (!isBlank(cells)) {
                return new RawRow(startLine, cells);
            }
        }
    }

    @Override
    public long bytesRead() {
        return counted.getCount();
    }

    @Override
    public long linesConsumed() {
        return lineOffset + parser.getCurrentLineNumber();
    }

    @Override
    public void close() {
        try {
            parser.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot close " + file, e);
        }
    }

    private static boolean isBlank(String[] cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void closeQuietly(CSVParser parser) {
        if (parser != null) {
            try {
                parser.close();
            }
            catch (IOException | RuntimeException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }

}
