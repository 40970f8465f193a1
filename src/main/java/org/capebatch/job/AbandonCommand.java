package org.capebatch.job;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code abandon <execution>}: gives a run up for good (Batch's
 * {@code JobOperator.abandon}), so the same command no longer resumes it, and releases
 * the declarations it assigned but never completed (issue 7 item 2): their ledger rows
 * are deleted, so the entries are free for a later run. A run whose declarations were
 * completed (its files rendered, its entries DECLARED in {@code cape_entry_state}) keeps
 * them: those files exist and may have been uploaded. Done under the run's advisory lock,
 * as the runner holds it, so a live run is never abandoned.
 */
final class AbandonCommand {

    /**
     * Ledger rows of the run whose entries never became DECLARED by it: nothing was
     * completed for them.
     */
    private static final String RELEASE_LEDGER = """
            DELETE FROM cape_ledger l
             WHERE l.run_id = ?
               AND NOT EXISTS (SELECT 1 FROM cape_entry_state s
                                WHERE s.entry_number = l.entry_number AND s.run_id = l.run_id)
            """;

    private static final String RELEASE_DECLARATIONS = """
            DELETE FROM cape_declaration d
             WHERE d.run_id = ?
               AND NOT EXISTS (SELECT 1 FROM cape_ledger l WHERE l.run_id = d.run_id AND l.declaration = d.file_stem)
            """;

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    private final DataSource dataSource;

    private final ExecutionRecovery recovery;

    private final PrintStream out;

    AbandonCommand(JobOperator jobOperator, JobRepository jobRepository, DataSource dataSource,
            ExecutionRecovery recovery, PrintStream out) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.dataSource = dataSource;
        this.recovery = recovery;
        this.out = out;
    }

    void abandon(long executionId) throws Exception {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        }
        catch (EmptyResultDataAccessException e) {
            execution = null; // Batch 6.0 throws instead of returning null for an unknown
                              // id
        }
        if (execution == null) {
            throw new OperatorCommands.OperatorException(2, "there is no job execution " + executionId
                    + " in this job store; 'java -jar cape-batch.jar runs' lists them; fix the command");
        }
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.getId() != executionId) {
            throw new OperatorCommands.OperatorException(2,
                    "execution " + executionId + " is not the last of its run" + " (run "
                            + execution.getJobInstance().getInstanceId() + "); abandon execution " + last.getId()
                            + " instead");
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            throw new OperatorCommands.OperatorException(3, "execution " + executionId + " COMPLETED; its output is"
                    + " final and there is nothing to abandon");
        }
        long lockKey = InstanceLock.key(execution.getJobParameters());
        try (Connection lock = dataSource.getConnection()) {
            if (!advisoryLock(lock, "pg_try_advisory_lock", lockKey)) {
                throw new OperatorCommands.OperatorException(4, "execution " + executionId + " is running in"
                        + " another process; stop it first (SIGTERM), then abandon it");
            }
            try {
                abandonLocked(execution);
            }
            finally {
                advisoryLock(lock, "pg_advisory_unlock", lockKey);
            }
        }
    }

    private void abandonLocked(JobExecution execution) throws Exception {
        String what = "execution " + execution.getId();
        if (execution.getStatus() != BatchStatus.ABANDONED) {
            // STARTED by a dead process, or UNKNOWN: FAILED first, which Batch can
            // abandon.
            execution = recovery.recover(execution, what);
            execution = jobOperator.abandon(execution);
        }
        long runId = execution.getJobInstance().getInstanceId();
        int[] released = new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            return new int[] { jdbc.update(RELEASE_LEDGER, runId), jdbc.update(RELEASE_DECLARATIONS, runId) };
        });
        out.println("Execution " + execution.getId() + " (run " + runId + ", "
                + execution.getJobParameters()
                    .parameters()
                    .stream()
                    .filter(p -> p.identifying())
                    .map(p -> p.name() + "=" + p.value())
                    .sorted()
                    .reduce((a, b) -> a + " " + b)
                    .orElse("")
                + ") is ABANDONED: the same command will not" + " resume it."
                + (released[0] == 0 ? " It held no unfinished declarations."
                        : " Released " + released[0] + " ledger assignments of " + released[1] + " declarations"
                                + " that were never completed, so a later run declares those entries; do not upload"
                                + " declaration files of this run."));
    }

    private static boolean advisoryLock(Connection connection, String function, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + function + "(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

}
