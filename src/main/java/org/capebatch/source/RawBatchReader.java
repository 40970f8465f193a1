package org.capebatch.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.capebatch.entry.Es003Header;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one ES-003 file as batches of raw rows. Restart state is the number of rows
 * handed out in committed chunks; on restart the file is reopened and that many rows are
 * skipped, so no row is staged twice or lost. The bytes of input read so far are saved
 * beside it, for progress reports (not used on restart).
 */
public class RawBatchReader implements ItemStreamReader<RawBatch> {

    private static final String ROWS_READ = "rows.read";

    /**
     * The bytes of input read at the last commit, in the step's execution context
     * (job.Progress reads it).
     */
    public static final String BYTES_READ = "bytes.read";

    private final InputPart part;

    private final InputFile file;

    private final InputSource source;

    private final int batchRows;

    private RawRowReader reader;

    private long bytesRead;

    private Es003Header header;

    private long rowsRead;

    public RawBatchReader(InputSource source, InputPart part, int batchRows) {
        this.source = source;
        this.part = part;
        this.file = part.file();
        this.batchRows = batchRows;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            reader = source.open(part);
            header = Es003Header.resolve(file.name(), reader.header());
            long skip = context.getLong(ROWS_READ, 0L);
            for (long i = 0; i < skip && reader.next() != null; i++) {
                rowsRead++;
            }
        }
        catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public RawBatch read() throws IOException {
        List<RawRow> rows = new ArrayList<>(batchRows);
        RawRow row;
        while (rows.size() < batchRows && (row = reader.next()) != null) {
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return null;
        }
        rowsRead += rows.size();
        bytesRead = reader.bytesRead();
        return new RawBatch(part, header, rows);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(ROWS_READ, rowsRead);
        context.putLong(BYTES_READ, bytesRead);
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            }
            catch (Exception e) {
                throw new UncheckedIOException(new IOException("Cannot close " + file.name(), e));
            }
            reader = null;
        }
    }

}
