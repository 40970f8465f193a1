package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * Input an attacker or a broken export would send (issue 7): each case is a fixture under fixtures/job, each must
 * end with every row used or listed in rejected-rows.csv with file, line and column, and never fail a later step.
 */
class CapeJobHostileInputTest extends JobTestSupport {

    private static final String RUN_DATE = "2026-11-30";

    @Test
    void run_WhenRowsShorterThanHeader_ThenRejectedNamingMissingColumnsAndEntryDataError() throws Exception {
        // given: one row ends after its HTS number; the file is cut inside its last row ($25.00 became $2)
        Path input = fixture("short-rows.csv");

        // when
        JobExecution execution = run(input, RUN_DATE);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput out = new RunOutput(outputDir);
        RunChecks.assertConsistent(out, RUN_DATE, List.of(InputRows.of(input)), usedRows(execution));
        assertThat(out.rejected()).extracting(r -> r.get("line"), r -> r.get("column"), r -> r.get("message"))
                .containsExactly(
                        tuple("4", "Line Tariff Duty Amount", "row has 9 of the header's 13 fields (cut off?): "
                                + "missing Line Tariff Duty Amount, Statement Status, Protest Status, Surety Paid"),
                        tuple("6", "Statement Status", "row has 10 of the header's 13 fields (cut off?): "
                                + "missing Statement Status, Protest Status, Surety Paid"));
        Map<String, Map<String, String>> assessments = out.assessments();
        assertThat(assessments.get("XMP00010221")).containsEntry("status", "ELIGIBLE");
        for (String entry : List.of("XMP00010239", "XMP00010247")) {
            assertThat(assessments.get(entry)).as(entry).containsEntry("reason", "DATA_ERROR")
                    .containsEntry("ieepa_duty", "0.00").containsEntry("declaration", "");
        }
        var counts = out.manifest().get("counts");
        assertThat(counts.get("rows_read").asLong()).isEqualTo(5);
        assertThat(counts.get("rows_rejected").asLong()).isEqualTo(2);
        assertThat(counts.get("eligible").asLong()).isEqualTo(1);
    }
}
