package org.capebatch.job;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code prune --keep-days=N} (issue 11 item 8): for every run that is over for good (its
 * last execution COMPLETED or ABANDONED) and ended more than N days ago, deletes what
 * only a restart would need: the staged input rows and the step executions with their
 * contexts, and every execution but the last (through {@link JobRepository}). What stays:
 * the run itself with its last execution, so the same command is still refused as
 * COMPLETED (exit 3); its assessments, declarations and output-file records; and the
 * whole ledger, which is never pruned. Runs that can still resume (FAILED, STOPPED) are
 * kept whatever their age: abandon them first.
 */
final class PruneCommand {

    /** Rows the import step staged: read again only by a restart of the same run. */
    static final List<String> STAGING_TABLES = List.of("cape_staged_fragment", "cape_rejected_row", "cape_input_part",
            "cape_input_file", "cape_input_fingerprint");

    private final JobRepository jobRepository;

    private final JdbcTemplate jdbc;

    private final PrintStream out;

    PruneCommand(JobRepository jobRepository, DataSource dataSource, PrintStream out) {
        this.jobRepository = jobRepository;
        this.jdbc = new JdbcTemplate(dataSource);
        this.out = out;
    }

    void prune(int keepDays) {
        LocalDateTime cutoff = LocalDateTime.now().minusDays(keepDays);
        int runs = 0;
        int kept = 0;
        long executions = 0;
        long steps = 0;
        long rows = 0;
        for (String jobName : jobRepository.getJobNames()) {
            for (JobInstance instance : jobRepository.getJobInstances(jobName, 0, Integer.MAX_VALUE)) {
                JobExecution last = jobRepository.getLastJobExecution(instance);
                if (last == null || last.getEndTime() == null || !last.getEndTime().isBefore(cutoff)) {
                    continue;
                }
                if (last.getStatus() != BatchStatus.COMPLETED && last.getStatus() != BatchStatus.ABANDONED) {
                    kept++;
                    continue;
                }
                runs++;
                for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
                    if (execution.getId() == last.getId()) {
                        for (StepExecution step : execution.getStepExecutions()) {
                            jobRepository.deleteStepExecution(step);
                            steps++;
                        }
                    }
                    else {
                        steps += execution.getStepExecutions().size();
                        jobRepository.deleteJobExecution(execution);
                        executions++;
                    }
                }
                for (String table : STAGING_TABLES) {
                    rows += jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", instance.getInstanceId());
                }
            }
        }
        // Lets PostgreSQL reuse the space (and give back empty pages at the end of the
        // files).
        jdbc.execute("VACUUM ANALYZE " + String.join(", ", STAGING_TABLES)
                + ", BATCH_STEP_EXECUTION, BATCH_STEP_EXECUTION_CONTEXT, BATCH_JOB_EXECUTION,"
                + " BATCH_JOB_EXECUTION_CONTEXT, BATCH_JOB_EXECUTION_PARAMS");
        out.println("Pruned " + runs + " runs that ended before " + cutoff.withNano(0) + ": " + executions
                + " earlier executions, " + steps + " step executions and " + rows + " staging rows deleted;"
                + " the ledger is untouched."
                + (kept > 0 ? " Kept " + kept + " older runs that can still resume (FAILED or STOPPED):"
                        + " abandon them first to prune them." : ""));
    }

}
