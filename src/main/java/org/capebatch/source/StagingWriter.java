package org.capebatch.source;

import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.capebatch.entry.EntryFacts;
import org.capebatch.entry.ParsedRow;
import org.capebatch.entry.RowError;
import org.capebatch.entry.TariffRow;
import org.capebatch.platform.PgCopy;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stages parsed rows and records rejected ones in the chunk transaction, and keeps the per-file counts that the
 * manifest reconciles (rows read = rows staged + rows rejected). A row with a valid entry number but a bad value is
 * staged as a bare marker so its entry still becomes a DATA_ERROR in the assess step.
 */
public class StagingWriter implements ItemWriter<ParsedBatch> {

    static final String[] STAGED_COLUMNS = {"run_id", "entry_number", "file_index", "line", "rejected",
            "line_number", "tariff_ordinal", "hts_number", "duty", "entry_type", "importer_number", "entry_date",
            "entry_summary_date", "payment_date", "summary_status", "liquidation_status", "liquidation_date",
            "reconciliation_flag", "reconciliation_summary_filed", "drawback_flag", "surety_paid", "protest_status",
            "adcvd_status", "statement_status", "importer_type"};

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
    public void write(Chunk<? extends ParsedBatch> chunk) {
        PgCopy staged = new PgCopy("cape_staged_row", STAGED_COLUMNS);
        long rows = 0;
        RejectedRowsCopy rejected = new RejectedRowsCopy(runId);
        for (ParsedBatch batch : chunk) {
            int fileIndex = batch.file().index();
            long stagedRows = 0;
            long rejectedRows = 0;
            for (ParsedRow row : batch.rows()) {
                if (row.rejected()) {
                    rejectedRows++;
                    for (RowError error : row.errors()) {
                        rejected.add(fileIndex, error, row.entryNumber());
                    }
                    if (row.entryNumber() != null) {
                        staged.add(runId).add(row.entryNumber().value()).add(fileIndex).add(row.source().line())
                                .add(true);
                        for (int i = 5; i < STAGED_COLUMNS.length; i++) {
                            staged.add((String) null);
                        }
                        staged.endRow();
                    }
                } else {
                    stagedRows++;
                    addStaged(staged, fileIndex, row.row());
                }
            }
            jdbc.update("UPDATE cape_input_file SET rows_read = rows_read + ?, rows_staged = rows_staged + ?,"
                    + " rows_rejected = rows_rejected + ? WHERE run_id = ? AND file_index = ?",
                    stagedRows + rejectedRows, stagedRows, rejectedRows, runId, fileIndex);
            rows += stagedRows + rejectedRows;
        }
        staged.flush(dataSource);
        rejected.flush(dataSource);
        progress.accept(rows);
    }

    private void addStaged(PgCopy copy, int fileIndex, TariffRow row) {
        EntryFacts f = row.facts();
        copy.add(runId).add(row.entryNumber().value()).add(fileIndex).add(row.source().line()).add(false)
                .add(row.lineNumber()).add(row.tariffOrdinal()).add(row.htsNumber()).add(row.duty())
                .add(f.entryType()).add(f.importerNumber()).add(f.entryDate()).add(f.entrySummaryDate())
                .add(f.paymentDate()).add(f.summaryStatus()).add(f.liquidationStatus()).add(f.liquidationDate())
                .add(f.reconciliationFlag()).add(f.reconciliationSummaryFiled()).add(f.drawbackFlag())
                .add(f.suretyPaid()).add(f.protestStatus()).add(f.adcvdStatus()).add(f.statementStatus())
                .add(f.importerType())
                .endRow();
    }
}
