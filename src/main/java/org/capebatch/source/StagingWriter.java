package org.capebatch.source;

import javax.sql.DataSource;

import org.capebatch.entry.ParsedRow;
import org.capebatch.entry.RowError;
import org.capebatch.jdbc.PgCopy;
import org.capebatch.run.CapeRun;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stages fragments and records rows with an invalid entry number, in the chunk
 * transaction together with the reader's checkpoint, and keeps the per-file counts the
 * manifest reconciles (rows read = staged + rejected here).
 */
public class StagingWriter implements ItemWriter<ImportBatch> {

    /**
     * One counter row per import partition, so parallel parts of one file never wait on
     * each other's lock.
     */
    private static final String COUNT_ROWS = """
            INSERT INTO cape_input_part (run_id, file_index, part, rows_read, rows_staged, rows_rejected)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (run_id, file_index, part) DO UPDATE SET
                rows_read = cape_input_part.rows_read + EXCLUDED.rows_read,
                rows_staged = cape_input_part.rows_staged + EXCLUDED.rows_staged,
                rows_rejected = cape_input_part.rows_rejected + EXCLUDED.rows_rejected
            """;

    private final DataSource dataSource;

    private final JdbcTemplate jdbc;

    private final long runId;

    public StagingWriter(DataSource dataSource, CapeRun run) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.runId = run.id();
    }

    @Override
    public void write(Chunk<? extends ImportBatch> chunk) {
        PgCopy staged = new PgCopy("cape_staged_fragment", "run_id", "entry_number", "file_index", "first_line",
                "row_count", "payload");
        RejectedRowsCopy rejected = new RejectedRowsCopy(runId);
        for (ImportBatch batch : chunk) {
            int fileIndex = batch.part().file().index();
            for (RowFragment fragment : batch.fragments()) {
                staged.add(runId)
                    .add(fragment.entry().value())
                    .add(fileIndex)
                    .add(fragment.firstLine())
                    .add(fragment.rows().size())
                    .addEscaped(copy -> FragmentCodec.appendCopyText(fragment.rows(), copy))
                    .endRow();
            }
            for (ParsedRow row : batch.rejected()) {
                for (RowError error : row.errors()) {
                    rejected.add(fileIndex, error, null);
                }
            }
            int rejectedRows = batch.rejected().size();
            jdbc.update(COUNT_ROWS, runId, fileIndex, batch.part().part(), batch.rowsRead(),
                    batch.rowsRead() - rejectedRows, rejectedRows);
        }
        staged.flush(dataSource);
        rejected.flush(dataSource);
    }

}
