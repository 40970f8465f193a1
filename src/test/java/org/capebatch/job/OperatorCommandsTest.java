package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.capebatch.generate.Es003Generator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.DefaultApplicationArguments;

/**
 * The operator commands (issue 11 item 8, issue 7 item 2) against the real job store:
 * {@code runs} shows a failed run's steps and failure line; {@code abandon} ends a run
 * for good and frees the entries of its never-completed declarations for a later run;
 * {@code prune} deletes old metadata and staging rows but never the ledger, and a pruned
 * COMPLETED run is still refused.
 */
class OperatorCommandsTest extends JobTestSupport {

    private static final String RUN_DATE = "2026-11-30";

    private Path input;

    @BeforeEach
    void input() throws Exception {
        input = tempDir.resolve("es003.csv");
        Es003Generator.write(input, 300, 21);
    }

    @Test
    void runs_WhenRunFailedInAssess_ThenListsItsStepsCountsAndFailureLine() throws Exception {
        // given
        failOnInsert("cape_assessment", "entry_number", InputRows.of(input).rows().get(0).entryNumber().orElseThrow());
        JobExecution failed = run(input, RUN_DATE);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        // when
        Output runs = command("runs");

        // then
        assertThat(runs.code).isZero();
        assertThat(runs.out)
            .contains("execution " + failed.getId() + "  run " + failed.getJobInstance().getInstanceId()
                    + "  FAILED  started ")
            .contains("input=" + input)
            .contains("runDate=" + RUN_DATE)
            .containsPattern("importStep COMPLETED  read \\d+  written \\d+  skipped 0")
            .contains("assessStep FAILED")
            .contains("failure in assessStep: ERROR: test failure: entry_number")
            .doesNotContain("Partition handler");
    }

    @Test
    void abandon_WhenRunFailedAfterDeclaring_ThenAbandonedAndItsEntriesAreDeclaredByALaterRun() throws Exception {
        // given: a run that assigned its declarations and then could not write their
        // files (a plain file where
        // the declarations directory should be)
        java.nio.file.Files.createDirectories(outputDir);
        java.nio.file.Files.writeString(outputDir.resolve("declarations"), "not a directory");
        JobExecution failed = run(input, RUN_DATE);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        long runId = failed.getJobInstance().getInstanceId();
        long assigned = count("SELECT count(*) FROM cape_ledger WHERE run_id = ?", runId);
        assertThat(assigned).isPositive();
        assertThat(count("SELECT count(*) FROM cape_entry_state WHERE run_id = ?", runId))
            .as("files never completed, so nothing DECLARED")
            .isZero();

        // when
        Output abandoned = command("abandon", String.valueOf(failed.getId()));

        // then
        assertThat(abandoned.code).as(abandoned.err).isZero();
        assertThat(abandoned.out).contains("is ABANDONED").contains("Released " + assigned + " ledger assignments");
        assertThat(jobRepository.getJobExecution(failed.getId()).getStatus()).isEqualTo(BatchStatus.ABANDONED);
        assertThat(count("SELECT count(*) FROM cape_ledger WHERE run_id = ?", runId)).isZero();
        assertThat(runCommand(RUN_DATE)).as("the same command no longer resumes it").isEqualTo(3);

        // and: a later run declares the entries
        properties.setOutputDir(tempDir.resolve("later"));
        JobExecution later = run(input, "2026-12-01");
        assertThat(later.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long laterId = later.getJobInstance().getInstanceId();
        assertThat(
                count("SELECT count(*) FROM cape_assessment WHERE run_id = ? AND reason = 'ALREADY_DECLARED'", laterId))
            .isZero();
        assertThat(count("SELECT count(*) FROM cape_entry_state WHERE run_id = ?", laterId))
            .isEqualTo(count("SELECT count(*) FROM cape_assessment WHERE run_id = ? AND status = 'ELIGIBLE'", laterId))
            .isPositive();
    }

    @Test
    void abandon_WhenExecutionUnknownOrCompleted_ThenRefusedWithExitCode() throws Exception {
        // given
        JobExecution completed = run(input, RUN_DATE);
        assertThat(completed.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // when / then
        Output ofCompleted = command("abandon", String.valueOf(completed.getId()));
        assertThat(ofCompleted.code).isEqualTo(3);
        assertThat(ofCompleted.err.strip()).startsWith("cape-batch: execution " + completed.getId() + " COMPLETED");
        Output ofMissing = command("abandon", "987654");
        assertThat(ofMissing.code).isEqualTo(2);
        assertThat(ofMissing.err.strip()).isEqualTo("cape-batch: there is no job execution 987654 in this job store;"
                + " 'java -jar cape-batch.jar runs' lists them; fix the command");
    }

    @Test
    void prune_WhenCompletedRunEndedBeforeKeepDays_ThenMetadataAndStagingGoLedgerStaysRunStillRefused()
            throws Exception {
        // given: a completed run that ended 10 days ago, and a failed one as old
        JobExecution completed = run(input, RUN_DATE);
        long runId = completed.getJobInstance().getInstanceId();
        failOnInsert("cape_output_file", "path", RunOutput.SUMMARY);
        properties.setOutputDir(tempDir.resolve("failed"));
        JobExecution failed = run(input, "2026-12-01");
        dropFailures();
        properties.setOutputDir(outputDir);
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET END_TIME = END_TIME - INTERVAL '10 days'");
        long ledger = count("SELECT count(*) FROM cape_ledger");
        assertThat(count("SELECT count(*) FROM cape_staged_fragment WHERE run_id = ?", runId)).isPositive();

        // when
        Output pruned = command("prune", "--keep-days=5");

        // then
        assertThat(pruned.code).as(pruned.err).isZero();
        assertThat(pruned.out).contains("Pruned 1 runs").contains("Kept 1 older runs that can still resume");
        for (String table : PruneCommand.STAGING_TABLES) {
            assertThat(count("SELECT count(*) FROM " + table + " WHERE run_id = ?", runId)).as(table).isZero();
        }
        assertThat(count("SELECT count(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?", completed.getId()))
            .isZero();
        assertThat(count("SELECT count(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?", failed.getId()))
            .as("a run that can resume keeps its steps")
            .isPositive();
        assertThat(count("SELECT count(*) FROM cape_staged_fragment WHERE run_id = ?",
                failed.getJobInstance().getInstanceId()))
            .isPositive();
        assertThat(count("SELECT count(*) FROM cape_ledger")).isEqualTo(ledger);
        assertThat(runCommand(RUN_DATE)).as("still COMPLETED").isEqualTo(3);
        assertThat(command("prune").code).as("--keep-days is required").isEqualTo(2);
    }

    private Output command(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OperatorCommands commands = new OperatorCommands(jobOperator, jobRepository, dataSource, partitionLocks,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        commands.run(new DefaultApplicationArguments(args));
        return new Output(commands.getExitCode(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    private int runCommand(String runDate) throws Exception {
        CapeJobRunner runner = runner(new ByteArrayOutputStream());
        runner.run(new DefaultApplicationArguments("input=" + input, "runDate=" + runDate));
        return runner.getExitCode();
    }

    private record Output(int code, String out, String err) {
    }

}
