package org.capebatch.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.RowError;
import org.capebatch.jdbc.PgCopy;
import org.capebatch.rules.Assessment;
import org.capebatch.run.CapeRun;
import org.capebatch.source.RejectedRowsCopy;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Stores assessments and the rows assembly rejected (duplicates, conflicts) in the chunk
 * transaction, together with the DATA_ERROR records of the chunk's skipped entries
 * ({@link UnassessableEntries}), in one COPY per table.
 */
public class AssessmentWriter implements ItemWriter<AssessedEntry> {

    private final DataSource dataSource;

    private final long runId;

    private final Map<String, Integer> fileIndexByName;

    private final UnassessableEntries skipped;

    public AssessmentWriter(DataSource dataSource, CapeRun run, Map<Integer, String> fileNames,
            UnassessableEntries skipped) {
        this.dataSource = dataSource;
        this.runId = run.id();
        this.skipped = skipped;
        this.fileIndexByName = fileNames.entrySet()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    }

    @Override
    public void write(Chunk<? extends AssessedEntry> chunk) {
        PgCopy copy = new PgCopy("cape_assessment", "run_id", "entry_number", "importer_number", "entry_type", "status",
                "reason", "reasons", "remedy", "deadline", "urgent", "refund_deferred", "ieepa_duty", "interest",
                "refund_total", "rate_type", "rate_assumed", "group_key");
        RejectedRowsCopy rejected = new RejectedRowsCopy(runId);
        List<AssessedEntry> everyRowRejected = new ArrayList<>();
        for (AssessedEntry assessed : chunk) {
            add(assessed, copy, rejected, everyRowRejected);
        }
        for (AssessedEntry assessed : skipped.ofThisChunk()) {
            add(assessed, copy, rejected, everyRowRejected);
        }
        copy.flush(dataSource);
        rejected.flush(dataSource);
        for (AssessedEntry assessed : everyRowRejected) {
            OversizedEntries.rejectEveryRow(dataSource, runId, assessed.assessment().entryNumber(),
                    assessed.everyRowRejected());
        }
    }

    private void add(AssessedEntry assessed, PgCopy copy, RejectedRowsCopy rejected,
            List<AssessedEntry> everyRowRejected) {
        Assessment a = assessed.assessment();
        copy.add(runId)
            .add(a.entryNumber())
            .add(a.importerNumber())
            .add(a.entryType())
            .add(a.status())
            .add(a.reason())
            .add(AssessmentRows.joinReasons(a.reasons()))
            .add(a.remedy())
            .add(a.deadline())
            .add(a.urgent())
            .add(a.refundDeferred())
            .add(a.ieepaDuty())
            .add(a.interest())
            .add(a.refundTotal())
            .add(a.rateType())
            .add(a.rateAssumed())
            .add(assessed.groupKey())
            .endRow();
        for (RowError error : assessed.rejections()) {
            rejected.add(fileIndexByName.getOrDefault(error.source().file(), -1), error,
                    new EntryNumber(a.entryNumber()));
        }
        if (assessed.everyRowRejected() != null) {
            everyRowRejected.add(assessed);
        }
    }

}
