package org.capebatch.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * One CSV file being written row by row and published atomically ({@link AtomicFile}).
 * Cells are joined as given (format them with {@link CsvCells}); every line ends with
 * CRLF and there is no BOM. The charset encoder reports unmappable characters instead of
 * writing {@code ?}, so an ASCII file can never silently carry a replacement.
 */
public final class CsvFile implements Closeable {

    private final AtomicFile.Pending pending;

    private final Writer out;

    private long rows;

    private boolean handedOver;

    private CsvFile(AtomicFile.Pending pending, Charset charset) {
        this.pending = pending;
        this.out = new BufferedWriter(new OutputStreamWriter(pending.stream(), charset.newEncoder()));
    }

    /** Opens {@code target}'s tmp file and writes the header line. */
    public static CsvFile create(Path target, Charset charset, String header) throws IOException {
        CsvFile file = new CsvFile(AtomicFile.open(target), charset);
        try {
            file.out.write(header);
            file.out.write(CsvCells.EOL);
        }
        catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
        return file;
    }

    /** Appends one data row of already formatted cells. */
    public void row(String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cells[i]);
        }
        out.write(CsvCells.EOL);
        rows++;
    }

    /** Data rows written so far (the header not counted), as listed in manifest.json. */
    public long rows() {
        return rows;
    }

    public Path target() {
        return pending.target();
    }

    /**
     * SHA-256 of the file's bytes, computed as they were written; call after
     * {@link #commit()}.
     */
    public String sha256() throws IOException {
        return pending.sha256();
    }

    /** Publishes the file under its final name. */
    public void commit() throws IOException {
        out.flush();
        pending.commit();
    }

    /**
     * Ends the writing without publishing: the caller publishes the returned file, alone
     * or in a batch ({@link AtomicFile#commitAll}), or closes it to discard it. Closing
     * this CsvFile afterwards leaves it alone.
     */
    public AtomicFile.Pending finish() throws IOException {
        out.flush();
        handedOver = true;
        return pending;
    }

    /** Discards the file unless committed or handed over by {@link #finish()}. */
    @Override
    public void close() throws IOException {
        if (!handedOver) {
            pending.close();
        }
    }

}
