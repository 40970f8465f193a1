package org.capebatch.answers;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.capebatch.jdbc.PgCopy;
import org.capebatch.source.RawRow;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads and validates the rows of one answers file per call and COPYs them into
 * {@code cape_answer_staged}, in one transaction with the file's row count, so a restart
 * after a kill restages exactly the files not committed. The reader streams and COPY
 * flushes every {@link #COPY_ROWS} rows: memory stays flat whatever the file's size.
 */
public class AnswersStageTasklet implements Tasklet {

    private static final int COPY_ROWS = 20_000;

    private final DataSource dataSource;

    private final JdbcTemplate jdbc;

    private final long importId;

    private final ImportKind kind;

    private final Path input;

    public AnswersStageTasklet(DataSource dataSource, long importId, ImportKind kind, Path input) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.importId = importId;
        this.kind = kind;
        this.input = input;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<Integer> pending = jdbc.queryForList(
                "SELECT file_index FROM cape_answer_file WHERE import_id = ?" + " AND rows IS NULL ORDER BY file_index",
                Integer.class, importId);
        if (pending.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        int index = pending.get(0);
        String name = jdbc.queryForObject(
                "SELECT source_file FROM cape_answer_file WHERE import_id = ?" + " AND file_index = ?", String.class,
                importId, index);
        Path file = java.nio.file.Files.isDirectory(input) ? input.resolve(name) : input;
        long rows = stage(file, index);
        jdbc.update("UPDATE cape_answer_file SET rows = ? WHERE import_id = ? AND file_index = ?", rows, importId,
                index);
        contribution.incrementReadCount();
        contribution.incrementWriteCount(rows);
        return pending.size() > 1 ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
    }

    private long stage(Path file, int index) {
        PgCopy copy = new PgCopy("cape_answer_staged", "import_id", "file_index", "line", "entry_number",
                "entry_as_written", "claim_number", "kind", "cbp_status", "error_description", "action",
                "importer_number", "refund_amount", "interest_amount", "refund_number", "refund_date", "refund_status",
                "message");
        long rows = 0;
        try (AnswerFileReader reader = AnswerFileReader.open(file, kind)) {
            AnswerHeader header = reader.header();
            RawRow raw;
            while ((raw = reader.next()) != null) {
                AnswerRow row = AnswerRowParser.parse(header, raw.line(), raw.cells());
                copy.add(importId)
                    .add(index)
                    .add(row.line())
                    .add(row.entryNumber())
                    .add(row.entryAsWritten())
                    .add(row.claimNumber())
                    .add(row.kind())
                    .add(row.cbpStatus())
                    .add(row.errorDescription())
                    .add(row.action())
                    .add(row.importerNumber())
                    .add(row.refundAmount())
                    .add(row.interestAmount())
                    .add(row.refundNumber())
                    .add(row.refundDate())
                    .add(row.refundStatus())
                    .add(row.rejectMessage())
                    .endRow();
                rows++;
                if (copy.rows() >= COPY_ROWS) {
                    copy.flush(dataSource);
                }
            }
        }
        copy.flush(dataSource);
        return rows;
    }

}
