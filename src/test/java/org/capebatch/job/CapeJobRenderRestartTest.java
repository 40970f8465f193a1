package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.capebatch.declaration.GroupBy;
import org.capebatch.generate.Es003Generator;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * DESIGN.md: on restart a declaration's files are rendered again only if they are missing
 * or their hash differs. The render step fails part-way (the database refuses to record
 * one declaration); before the restart one rendered file is deleted and another is
 * overwritten; the restart repairs both and ends with the files of a straight run.
 */
class CapeJobRenderRestartTest extends JobTestSupport {

    private static final String RUN_DATE = "2026-11-30";

    @Test
    void run_WhenRenderFailedAndFilesDamagedBeforeRestart_ThenRestartRerendersOnlyThoseAndMatchesStraightRun()
            throws Exception {
        // given: a reference run, then the same input with the render step failing at the
        // last declaration
        Path input = tempDir.resolve("es003.csv");
        Es003Generator.write(input, 3_000, 11);
        properties.getDeclaration().setGroupBy(GroupBy.FILER_CODE);
        Path referenceDir = tempDir.resolve("reference");
        properties.setOutputDir(referenceDir);
        assertThat(run(input, RUN_DATE).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput reference = new RunOutput(referenceDir);
        truncateAll();
        properties.setOutputDir(outputDir);
        List<String> stems = new ArrayList<>(reference.declarationCsvs().keySet());
        assertThat(stems).hasSizeGreaterThan(4);
        String last = stems.get(stems.size() - 1).replace(".csv", "");
        failOnInsert("cape_output_file", "path", "declarations/" + last + ".csv");
        JobExecution failed = run(input, RUN_DATE);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        // when: one rendered file is gone and another was changed, then the same run is
        // restarted
        Path declarations = outputDir.resolve("declarations");
        Path deleted = declarations.resolve(stems.get(0));
        Path changed = declarations.resolve(stems.get(1).replace(".csv", ".xlsx"));
        assertThat(deleted).exists();
        Files.delete(deleted);
        Files.writeString(changed, "not a workbook");
        dropFailures();
        JobExecution restarted = run(input, RUN_DATE);

        // then
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunOutput out = new RunOutput(outputDir);
        assertThat(out.allFiles()).isEqualTo(reference.allFiles());
        assertThat(out.comparableHashes()).isEqualTo(reference.comparableHashes());
        assertThat(RunOutput.sha256(changed))
            .isEqualTo(RunOutput.sha256(referenceDir.resolve("declarations").resolve(changed.getFileName())));
    }

}
