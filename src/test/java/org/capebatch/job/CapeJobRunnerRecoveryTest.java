package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;

import org.capebatch.generate.Es003Generator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.DefaultApplicationArguments;

/**
 * The runner's promises around a restart (issue 7 items 3, 4 and 8), in process against
 * the real embedded PostgreSQL and real files: a restart whose input changed is refused
 * with exit 2 and a line naming the file; a file rewritten during the import fails the
 * run; an execution left UNKNOWN resumes with the same command.
 */
class CapeJobRunnerRecoveryTest extends JobTestSupport {

    private static final String RUN_DATE = "2026-11-30";

    private Path input;

    @BeforeEach
    void input() throws Exception {
        input = tempDir.resolve("es003.csv");
        Es003Generator.write(input, 300, 11);
    }

    @Test
    void restart_WhenInputAppendedToAfterFailure_ThenRefusedWithExit2AndRestoredInputCompletes() throws Exception {
        // given: a run that failed in its last step
        failOnInsert("cape_output_file", "path", RunOutput.SUMMARY);
        assertThat(runCommand().code).isEqualTo(1);
        dropFailures();
        byte[] original = Files.readAllBytes(input);
        FileTime modified = Files.getLastModifiedTime(input);

        // when: a row is appended before the restart
        Files.writeString(input, lastLine(original), StandardOpenOption.APPEND);
        Outcome refused = runCommand();

        // then
        assertThat(refused.code).isEqualTo(2);
        assertThat(refused.line()).contains("cannot resume")
            .contains("es003.csv changed")
            .contains("bytes")
            .contains("Restore the input")
            .contains("abandon");

        // when: the original file is back (content and time)
        Files.write(input, original);
        Files.setLastModifiedTime(input, modified);
        Outcome restarted = runCommand();

        // then
        assertThat(restarted.code).as(restarted.stderr).isZero();
        assertThat(restarted.stderr).isEmpty();
    }

    @Test
    void restart_WhenInputRewrittenWithSameSizeAndTime_ThenRefusedByItsHash() throws Exception {
        // given
        failOnInsert("cape_output_file", "path", RunOutput.SUMMARY);
        assertThat(runCommand().code).isEqualTo(1);
        dropFailures();
        FileTime modified = Files.getLastModifiedTime(input);
        byte[] bytes = Files.readAllBytes(input);

        // when: one digit of the last row changes, size and time put back
        int last = bytes.length - 1;
        while (!Character.isDigit(bytes[last])) {
            last--;
        }
        bytes[last] = (byte) (bytes[last] == '9' ? '8' : bytes[last] + 1);
        Files.write(input, bytes);
        Files.setLastModifiedTime(input, modified);
        Outcome refused = runCommand();

        // then
        assertThat(refused.code).isEqualTo(2);
        assertThat(refused.line()).contains("es003.csv changed (same size and time but different content");
    }

    @Test
    void run_WhenInputRewrittenDuringImport_ThenFailsNamingFileAndRestartIsRefused() throws Exception {
        // given: the database itself rewrites the input file once the first rows are
        // staged (server-side COPY
        // TO a file; the embedded server runs as this user), so the file changes in the
        // middle of its import
        properties.getJob().setImportBatchRows(100);
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION cape_test_failure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.first_line = 2 THEN
                        EXECUTE format('COPY (SELECT %L) TO %L', 'rewritten', TG_ARGV[0]);
                    END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER cape_test_failure BEFORE INSERT ON cape_staged_fragment"
                + " FOR EACH ROW EXECUTE FUNCTION cape_test_failure('" + input.toAbsolutePath() + "')");

        // when
        Outcome failed = runCommand();

        // then
        assertThat(failed.code).as(failed.stderr).isEqualTo(1);
        assertThat(failed.line()).contains("in importStep")
            .contains("input file es003.csv changed while it was imported")
            .contains("restore the file");
        dropFailures();
        Outcome refused = runCommand();
        assertThat(refused.code).isEqualTo(2);
        assertThat(refused.line()).contains("es003.csv changed");
    }

    @Test
    void restart_WhenLastExecutionAndStepLeftUnknown_ThenSameCommandCompletes() throws Exception {
        // given: a failed run whose job and step executions are then UNKNOWN, as a chunk
        // whose commit broke
        // with the connection leaves them (reproduced with real processes in
        // CapeJobFaultProcessTest)
        failOnInsert("cape_output_file", "path", RunOutput.SUMMARY);
        assertThat(runCommand().code).isEqualTo(1);
        dropFailures();
        jdbc.update(
                "UPDATE BATCH_STEP_EXECUTION SET STATUS = 'UNKNOWN', EXIT_CODE = 'UNKNOWN' WHERE STATUS = 'FAILED'");
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'UNKNOWN', EXIT_CODE = 'UNKNOWN'");

        // when
        Outcome restarted = runCommand();

        // then
        assertThat(restarted.code).as(restarted.stderr).isZero();
        JobExecution last = jobRepository.getLastJobExecution(job.getName(),
                CapeJobRunner.parameters(java.util.List.of("input=" + input, "runDate=" + RUN_DATE)));
        assertThat(last.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("SELECT count(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'UNKNOWN'")).isZero();
    }

    @Test
    void run_WhenStepFails_ThenOneShortLineWithStepAndRootCauseNotBatchWrapper() throws Exception {
        // given: the database fails inside a partitioned step
        failOnInsert("cape_assessment", "entry_number", firstEntry());

        // when
        Outcome failed = runCommand();

        // then
        assertThat(failed.code).isEqualTo(1);
        assertThat(failed.stderr.lines()).hasSize(1);
        assertThat(failed.line()).startsWith("cape-batch: run input=")
            .contains("FAILED in assessStep: ")
            .contains("test failure: entry_number")
            .doesNotContain("Partition handler")
            .contains("run the same command again");
        assertThat(failed.line().length()).isLessThanOrEqualTo(CapeJobRunner.MAX_LINE);
    }

    private String firstEntry() throws Exception {
        return InputRows.of(input).rows().get(0).entryNumber().orElseThrow();
    }

    private static String lastLine(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8).stripTrailing();
        return text.substring(text.lastIndexOf('\n') + 1) + "\r\n";
    }

    private Outcome runCommand() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CapeJobRunner runner = runner(err);
        runner.run(new DefaultApplicationArguments("input=" + input, "runDate=" + RUN_DATE));
        return new Outcome(runner.getExitCode(), err.toString(StandardCharsets.UTF_8));
    }

    private record Outcome(int code, String stderr) {
        String line() {
            assertThat(stderr.lines()).as(stderr).hasSize(1);
            return stderr.strip();
        }
    }

}
