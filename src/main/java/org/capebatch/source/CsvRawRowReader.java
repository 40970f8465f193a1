package org.capebatch.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.io.input.BoundedInputStream;

/**
 * Streams an ES-003 CSV (SPEC §2): RFC 4180 quoting, CRLF or LF, UTF-8 (BOM or not) or
 * Windows-1252; records whose cells are all blank are skipped. Cells are returned exactly
 * as decoded — {@code ="..."} wrappers and surrounding spaces are left for the value
 * parser. Memory stays flat: {@link CsvRecordParser} (commons-csv's grammar, faster)
 * reads one record at a time.
 */
public final class CsvRawRowReader implements RawRowReader {

    private final Path file;

    private final Charset charset;

    /** Empty lines come through as records, so that line numbers are counted here. */
    private final CsvRecordParser parser;

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
        CsvRecordParser opened = null;
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
                opened = new CsvRecordParser(new InputStreamReader(in, decoder));
            }
            catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
            this.counted = counting;
            this.parser = opened;
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
            long startLine = lineOffset + parser.lineNumber() + 1;
            String[] cells;
            try {
                cells = parser.next();
            }
            catch (IOException e) {
                throw new MalformedSourceException(file, startLine, "malformed CSV: " + e.getMessage(), e);
            }
            if (cells == null) {
                return null;
            }
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
        return lineOffset + parser.lineNumber();
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

    private static void closeQuietly(CsvRecordParser parser) {
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
