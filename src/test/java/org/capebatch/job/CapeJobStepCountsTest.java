package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counts an operator reads in the job repository (and in the run log) are in each
 * step's own unit: import counts rows, assess entries, render declarations, summed over
 * the partitions; rejected rows and excluded entries are written like any other, and
 * nothing is skipped or filtered on valid input.
 */
class CapeJobStepCountsTest extends JobTestSupport {

    @Autowired
    MeterRegistry meterRegistry;

    private static final String RUN_DATE = "2026-11-30";

    @Test
    void run_WhenRowsRejectedAndEntriesExcluded_ThenStepsCountRowsEntriesAndDeclarations() throws Exception {
        // given: 11 data rows (one with an invalid entry number, one with a bad date, two
        // conflicting duplicates)
        // of 6 entries: 2 eligible (2 importers, so 2 declarations), 4 excluded (type 08,
        // no IEEPA duty, 2
        // DATA_ERROR); import batches of 3 rows, so a batch is not a row
        Path input = fixture("step-counts.csv");
        properties.getJob().setImportBatchRows(3);

        // when
        JobExecution execution = run(input, RUN_DATE);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput out = new RunOutput(outputDir);
        Map<String, Map<String, String>> assessments = out.assessments();
        assertThat(assessments).hasSize(6);
        assertThat(assessments.values()).extracting(a -> a.get("reason"))
            .containsExactlyInAnyOrder("", "", "ENTRY_TYPE_EXCLUDED", "NO_IEEPA_DUTY", "DATA_ERROR", "DATA_ERROR");
        assertThat(out.rejected()).extracting(r -> r.get("line")).contains("8", "10", "13");
        long rows = InputRows.of(input).rows().size();
        assertThat(rows).isEqualTo(11);
        assertThat(out.manifest().get("counts").get("rows_read").asLong()).isEqualTo(rows);
        long declarations = out.declarationCsvs().size();
        assertThat(declarations).isEqualTo(2);

        StepExecution importStep = step(execution, "importStep");
        assertCounts(importStep, rows, rows);
        assertThat(importStep.getCommitCount()).as("one commit per batch of 3 rows").isEqualTo(4);
        assertCounts(step(execution, "assessStep"), 6, 6);
        assertCounts(step(execution, "renderStep"), declarations, declarations);
        assertThat(RunLogListener.counts(importStep)).isEqualTo(" (rows: read 11, written 11, filtered 0, skipped 0)");
        assertThat(RunLogListener.counts(step(execution, "assessStep")))
            .isEqualTo(" (entries: read 6, written 6, filtered 0, skipped 0)");
        assertThat(RunLogListener.counts(step(execution, "renderStep")))
            .isEqualTo(" (declarations: read 2, written 2, filtered 0, skipped 0)");

        // and: Spring Batch's step and chunk timers, but no per-item timers (off by
        // default, README "Metrics")
        assertThat(meterRegistry.find("spring.batch.step").tag("spring.batch.step.name", "assessStep").timers())
            .isNotEmpty();
        assertThat(meterRegistry.find("spring.batch.chunk.write").timers()).isNotEmpty();
        assertThat(meterRegistry.find("spring.batch.item.read").meters()).isEmpty();
        assertThat(meterRegistry.find("spring.batch.item.process").meters()).isEmpty();

        // and: the manager step's counts are the sums over its partitions, as stored in
        // the job repository
        for (String manager : List.of("importStep", "assessStep", "renderStep")) {
            Map<String, Object> sums = jdbc.queryForMap("""
                    SELECT sum(read_count) AS read, sum(write_count) AS write
                      FROM batch_step_execution WHERE job_execution_id = ? AND step_name LIKE ?
                    """, execution.getId(), partitionStep(manager) + ":%");
            Map<String, Object> stored = jdbc.queryForMap(
                    "SELECT read_count AS read, write_count AS write"
                            + " FROM batch_step_execution WHERE job_execution_id = ? AND step_name = ?",
                    execution.getId(), manager);
            assertThat(((Number) sums.get("read")).longValue()).as(manager + " read")
                .isEqualTo(((Number) stored.get("read")).longValue());
            assertThat(((Number) sums.get("write")).longValue()).as(manager + " write")
                .isEqualTo(((Number) stored.get("write")).longValue());
        }
    }

    private static void assertCounts(StepExecution step, long read, long written) {
        assertThat(step.getReadCount()).as(step.getStepName() + " read").isEqualTo(read);
        assertThat(step.getWriteCount()).as(step.getStepName() + " written").isEqualTo(written);
        assertThat(step.getFilterCount()).as(step.getStepName() + " filtered").isZero();
        assertThat(step.getSkipCount()).as(step.getStepName() + " skipped").isZero();
    }

    static StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions()
            .stream()
            .filter(s -> s.getStepName().equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no step " + name));
    }

    private static String partitionStep(String manager) {
        return switch (manager) {
            case "importStep" -> "importFileStep";
            case "assessStep" -> "assessPartitionStep";
            default -> "renderPartitionStep";
        };
    }

}
