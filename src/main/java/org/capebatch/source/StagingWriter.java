package org.capebatch.source;

import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.capebatch.entry.ParsedRow;
import org.capebatch.entry.RowError;
import org.capebatch.platform.PgCopy;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stages fragments and records rows with an invalid entry number, in the chunk transaction together with the
 * reader's checkpoint, and keeps the per-file counts the manifest reconciles (rows read = staged + rejected here).
 */
public class StagingWriter implements ItemWriter<ImportBatch> {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final long runId;
    private final LongConsumer progress;

    public StagingWriter(DataSource dataSource, long runId, LongConsumer progress) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.runId = runId;
        this.progress = progress;
    }

    @Override
    public void write(Chunk<? extends ImportBatch> chunk) {
        PgCopy staged = new PgCopy("cape_staged_fragment",
                "run_id", "entry_number", "file_index", "first_line", "row_count", "payload");
        RejectedRowsCopy rejected = new RejectedRowsCopy(runId);
        long rows = 0;
        for (ImportBatch batch : chunk) {
            int fileIndex = batch.file().index();
            for (RowFragment fragment : batch.fragments()) {
                staged.add(runId).add(fragment.entry().value()).add(fileIndex).add(fragment.firstLine())
                        .add(fragment.rows().size()).add(FragmentCodec.encode(fragment.rows()))
                        .endRow();
            }
            for (ParsedRow row : batch.rejected()) {
                for (RowError error : row.errors()) {
                    rejected.add(fileIndex, error, null);
                }
            }
            int rejectedRows = batch.rejected().size();
            jdbc.update("UPDATE cape_input_file SET rows_read = rows_read + ?, rows_staged = rows_staged + ?,"
                    + " rows_rejected = rows_rejected + ? WHERE run_id = ? AND file_index = ?",
                    batch.rowsRead(), batch.rowsRead() - rejectedRows, rejectedRows, runId, fileIndex);
            rows += batch.rowsRead();
        }
        staged.flush(dataSource);
        rejected.flush(dataSource);
        progress.accept(rows);
    }
}
