package org.capebatch.report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.capebatch.entry.RowError;
import org.capebatch.output.CsvCells;
import org.capebatch.output.CsvFile;

/**
 * Streams {@code rejected-rows.csv} (SPEC §2 "nothing is lost", §5): one row per rejected
 * input row, UTF-8 (values are echoed as read, in any script), CRLF, no BOM. Publish with
 * {@link #commit()}.
 */
public final class RejectedRowsCsvWriter implements Closeable {

    public static final String FILE_NAME = "rejected-rows.csv";

    public static final String HEADER = "source_file,line,column,value,message";

    private final CsvFile file;

    private RejectedRowsCsvWriter(CsvFile file) {
        this.file = file;
    }

    public static RejectedRowsCsvWriter create(Path target) throws IOException {
        return new RejectedRowsCsvWriter(CsvFile.create(target, StandardCharsets.UTF_8, HEADER));
    }

    /**
     * Appends one rejection; rows are written in the order given, so give them in a
     * stable order.
     */
    public void write(RowError e) throws IOException {
        file.row(CsvCells.text(e.source() == null ? null : fileNameOnly(e.source().file())),
                e.source() == null ? "" : Long.toString(e.source().line()), CsvCells.text(e.column()),
                CsvCells.text(e.value()), CsvCells.text(e.message()));
    }

    /** SPEC §5: "file name only, no path" — whatever separator the source used. */
    static String fileNameOnly(String file) {
        if (file == null) {
            return null;
        }
        int cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(cut + 1);
    }

    public long rows() {
        return file.rows();
    }

    public void commit() throws IOException {
        file.commit();
    }

    /** SHA-256 of the published file, computed while it was written. */
    public String sha256() throws IOException {
        return file.sha256();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

}
