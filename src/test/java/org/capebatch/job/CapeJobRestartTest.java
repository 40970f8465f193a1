package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.capebatch.declaration.GroupBy;
import org.capebatch.generate.Es003Generator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.util.FileSystemUtils;

/**
 * Restart after a failure (SPEC §1, STYLE.md §7): the database itself fails on purpose (a
 * trigger raises an exception on one row of one step's table, no product hook), the run
 * is FAILED with what was committed before, the trigger is dropped, the same parameters
 * restart it to COMPLETED, and every output is byte-identical to a clean run that went
 * straight through.
 */
class CapeJobRestartTest extends JobTestSupport {

    private static final String RUN_DATE = "2026-11-30";

    private static final int ENTRIES = 5_000;

    @TempDir
    static Path shared;

    private static Path input;

    private static RunOutput reference;

    /** Where the database fails, and on which row of the reference run. */
    enum FailurePoint {

        IMPORT("cape_staged_fragment", "entry_number"), ASSESS("cape_assessment", "entry_number"),
        DECLARE("cape_ledger", "entry_number"), RENDER("cape_output_file", "path"), REPORT("cape_output_file", "path");

        final String table;

        final String column;

        FailurePoint(String table, String column) {
            this.table = table;
            this.column = column;
        }

        /**
         * A row in the second half of what the step writes, so earlier chunks commit
         * before it fails.
         */
        String failingValue(RunOutput reference) throws Exception {
            return switch (this) {
                case IMPORT, ASSESS -> new ArrayList<>(reference.assessments().keySet()).get(ENTRIES * 4 / 5);
                case DECLARE -> {
                    List<String> eligible = reference.assessments()
                        .values()
                        .stream()
                        .filter(a -> a.get("status").equals("ELIGIBLE"))
                        .map(a -> a.get("entry_number"))
                        .toList();
                    yield eligible.get(eligible.size() * 3 / 4);
                }
                case RENDER -> {
                    List<String> files = new ArrayList<>(reference.declarationCsvs().keySet());
                    yield "declarations/" + files.get(files.size() * 3 / 4);
                }
                case REPORT -> RunOutput.SUMMARY;
            };
        }

    }

    @BeforeAll
    static void generateInput() throws Exception {
        input = shared.resolve("es003-5000.csv");
        Es003Generator.write(input, ENTRIES, 5000);
    }

    /**
     * Declarations by filer code: a handful of files instead of one per importer keeps
     * the suite fast, and the render step still commits several declarations before the
     * failing one.
     */
    @BeforeEach
    void groupByFilerCode() {
        properties.getDeclaration().setGroupBy(GroupBy.FILER_CODE);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FailurePoint.class)
    void run_WhenDatabaseFailsMidStep_ThenRestartCompletesWithOutputOfStraightRun(FailurePoint point) throws Exception {
        // given: a straight run of the same input (once), then a clean store
        RunOutput expected = reference();
        Map<String, Map<String, String>> expectedAssessments = expected.assessments();
        long eligible = expectedAssessments.values().stream().filter(a -> a.get("status").equals("ELIGIBLE")).count();
        String failingValue = point.failingValue(expected);
        failOnInsert(point.table, point.column, failingValue);

        // when
        JobExecution failed = run(input, RUN_DATE);

        // then: FAILED, with what committed before the failing chunk kept
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions()).isNotEmpty();
        long runId = failed.getJobInstance().getInstanceId();
        long assessed = count("SELECT count(*) FROM cape_assessment WHERE run_id = ?", runId);
        long ledger = count("SELECT count(*) FROM cape_ledger WHERE run_id = ?", runId);
        long outputFiles = count("SELECT count(*) FROM cape_output_file WHERE run_id = ?", runId);
        long staged = count("SELECT coalesce(sum(row_count), 0) FROM cape_staged_fragment WHERE run_id = ?", runId);
        long stagedExpected = InputRows.of(input).rows().stream().filter(r -> r.entryNumber().isPresent()).count();
        switch (point) {
            case IMPORT -> {
                assertThat(staged).isBetween(1L, stagedExpected - 1);
                assertThat(count("SELECT sum(rows_read) FROM cape_input_part WHERE run_id = ?", runId))
                    .as("file counts committed with the rows")
                    .isEqualTo(staged);
                assertThat(assessed).isZero();
            }
            case ASSESS -> {
                assertThat(assessed).isBetween(1L, ENTRIES - 1L);
                assertThat(count("SELECT count(*) FROM cape_assessment WHERE run_id = ? AND entry_number = ?", runId,
                        failingValue))
                    .isZero();
                assertThat(ledger).isZero();
            }
            case DECLARE -> {
                assertThat(assessed).isEqualTo(ENTRIES);
                assertThat(ledger).as("the declare step is one transaction").isZero();
                assertThat(count("SELECT count(*) FROM cape_declaration WHERE run_id = ?", runId)).isZero();
            }
            case RENDER -> {
                assertThat(assessed).isEqualTo(ENTRIES);
                assertThat(ledger).isEqualTo(eligible);
                assertThat(outputFiles).isBetween(1L, 2L * expected.declarationCsvs().size() - 1);
            }
            case REPORT -> {
                assertThat(ledger).isEqualTo(eligible);
                assertThat(outputFiles).as("the report step's records roll back with it")
                    .isEqualTo(2L * expected.declarationCsvs().size());
            }
        }
        assertThat(outputDir.resolve(RunOutput.MANIFEST)).doesNotExist();

        // when: the cause is fixed and the same command runs again
        dropFailures();
        JobExecution restarted = run(input, RUN_DATE);

        // then
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(runId);
        assertThat(count("SELECT count(*) FROM cape_assessment WHERE run_id = ?", runId)).isEqualTo(ENTRIES);
        assertThat(count("SELECT count(DISTINCT entry_number) FROM cape_assessment WHERE run_id = ?", runId))
            .isEqualTo(ENTRIES);
        assertThat(count("SELECT count(*) FROM cape_ledger WHERE run_id = ?", runId)).isEqualTo(eligible);
        assertThat(count("SELECT coalesce(sum(row_count), 0) FROM cape_staged_fragment WHERE run_id = ?", runId))
            .isEqualTo(stagedExpected);
        assertThat(count("SELECT count(*) FROM (SELECT DISTINCT file_index, line, message FROM cape_rejected_row"
                + " WHERE run_id = ?) d", runId))
            .isEqualTo(count("SELECT count(*) FROM cape_rejected_row WHERE run_id = ?", runId));
        RunOutput out = new RunOutput(outputDir);
        assertThat(out.allFiles()).isEqualTo(expected.allFiles());
        assertThat(out.comparableHashes()).isEqualTo(expected.comparableHashes());
        RunChecks.assertConsistent(out, RUN_DATE, List.of(InputRows.of(input)), usedRows(restarted));
    }

    /**
     * The manifest step runs alone after the report step, with the counts and totals the
     * report step left in the job's context: a restart of just the manifest step must
     * find them there.
     */
    @Test
    void run_WhenOnlyManifestStepFailed_ThenRestartWritesManifestOfStraightRunWithoutReportingAgain() throws Exception {
        // given: a straight run of the same input (once), then a clean store, and a
        // non-empty directory where manifest.json goes
        RunOutput expected = reference();
        Path blocking = Files.createDirectories(outputDir.resolve(RunOutput.MANIFEST));
        Files.writeString(blocking.resolve("blocks-the-rename"), "x");

        // when
        JobExecution failed = run(input, RUN_DATE);

        // then: only the manifest step failed
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getStepExecutions()).filteredOn(s -> s.getStatus() != BatchStatus.COMPLETED)
            .extracting(StepExecution::getStepName)
            .containsExactly("manifestStep");

        // when: the directory is removed and the same command runs again
        FileSystemUtils.deleteRecursively(blocking);
        JobExecution restarted = run(input, RUN_DATE);

        // then: the report step is not run again, and the manifest is the straight run's
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions()).extracting(StepExecution::getStepName)
            .containsExactly("manifestStep");
        RunOutput out = new RunOutput(outputDir);
        assertThat(out.allFiles()).isEqualTo(expected.allFiles());
        assertThat(out.comparableHashes()).isEqualTo(expected.comparableHashes());
        RunChecks.assertConsistent(out, RUN_DATE, List.of(InputRows.of(input)), usedRows(restarted));
    }

    private RunOutput reference() throws Exception {
        if (reference == null) {
            Path dir = shared.resolve("reference");
            properties.setOutputDir(dir);
            assertThat(run(input, RUN_DATE).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            properties.setOutputDir(outputDir);
            truncateAll();
            reference = new RunOutput(dir);
        }
        return reference;
    }

}
