package org.capebatch.job;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.capebatch.logging.SensitiveText;
import org.capebatch.remote.RemotePartitionLocks;
import org.capebatch.source.InputChangedException;
import org.capebatch.source.InputFingerprints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs {@code capeDeclarationJob} from the command line of SPEC §1 and turns its outcome
 * into an exit code and, on failure, one line on stderr. Before starting it takes a
 * PostgreSQL advisory lock for the job instance: holding it proves no other process runs
 * this instance, so an execution still marked STARTED was left by a killed process and is
 * recovered (Batch 6 {@code recover}) before the restart — no manual SQL.
 */
@Component
@ConditionalOnProperty(name = "cape.job.run-on-startup", havingValue = "true", matchIfMissing = true)
public class CapeJobRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(CapeJobRunner.class);

    /** The stderr line stays readable in a terminal, a pod's status and an alert. */
    static final int MAX_LINE = 1000;

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    private final Job job;

    private final DataSource dataSource;

    private final ObjectProvider<RemotePartitionLocks> partitionLocks;

    private final CapeProperties properties;

    private final RunMetrics runMetrics;

    private final RunMetricsPusher metricsPusher;

    private final PrintStream stderr;

    private final ExecutionRecovery recovery;

    private final InputFingerprints fingerprints;

    private ExitCode exitCode = ExitCode.COMPLETED;

    private Optional<RunMetrics.Totals> totals = Optional.empty();

    private Job answersJob;

    @Autowired
    public CapeJobRunner(JobOperator jobOperator, JobRepository jobRepository,
            @Qualifier("capeDeclarationJob") Job capeDeclarationJob, DataSource dataSource,
            ObjectProvider<RemotePartitionLocks> partitionLocks, CapeProperties properties, RunMetrics runMetrics,
            RunMetricsPusher metricsPusher) {
        this(jobOperator, jobRepository, capeDeclarationJob, dataSource, partitionLocks, properties, runMetrics,
                metricsPusher, System.err);
    }

    CapeJobRunner(JobOperator jobOperator, JobRepository jobRepository, Job job, DataSource dataSource,
            ObjectProvider<RemotePartitionLocks> partitionLocks, CapeProperties properties, RunMetrics runMetrics,
            RunMetricsPusher metricsPusher, PrintStream stderr) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
        this.dataSource = dataSource;
        this.partitionLocks = partitionLocks;
        this.properties = properties;
        this.runMetrics = runMetrics;
        this.metricsPusher = metricsPusher;
        this.stderr = stderr;
        this.recovery = new ExecutionRecovery(jobOperator, jobRepository, partitionLocks);
        this.fingerprints = new InputFingerprints(new JdbcTemplate(dataSource));
    }

    /**
     * {@code capeAnswersJob} (SPEC §6), launched by {@code results=} or {@code release=}.
     */
    @Autowired
    void setAnswersJob(@Qualifier("capeAnswersJob") Job answersJob) {
        this.answersJob = answersJob;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (OperatorCommands.isOperatorCommand(args)) {
            return;
        }
        try {
            launch(args);
        }
        finally {
            // Only the launching process pushes (workers have no runner), once, with the
            // outcome.
            metricsPusher.push(exitCode.name(), totals);
        }
    }

    private void launch(ApplicationArguments args) throws Exception {
        if (AnswersParameters.isAnswersCommand(args.getNonOptionArgs())) {
            launchAnswers(args.getNonOptionArgs());
            return;
        }
        JobParameters parameters;
        RunParameters run;
        try {
            parameters = CanonicalInput.resolve(parameters(args.getNonOptionArgs()), jobRepository, job.getName());
            run = RunParameters.of(parameters);
        }
        catch (InvalidJobParametersException | IllegalArgumentException e) {
            fail(ExitCode.USAGE, e.getMessage() + ". Usage: java -jar cape-batch.jar input=<file-or-directory|db>"
                    + " runDate=<YYYY-MM-DD> --cape.output-dir=<dir>");
            return;
        }
        String what = "input=" + run.input() + " runDate=" + run.runDate();
        try {
            runLocked(parameters, run, what);
        }
        catch (RuntimeException e) {
            // The job store failed outside a step (e.g. saving the job's final status):
            // still one line, no trace.
            log.error("Run {} could not complete", what, e);
            boolean lost = FailureLine.databaseLost(e);
            fail(ExitCode.FAILED, "run " + what + " FAILED: " + FailureLine.cause(e) + ". " + advice(lost));
        }
    }

    /**
     * An answers import (SPEC §6.1) under the same rules as a run: the instance lock,
     * recovery of an execution a killed process left behind, exit 3 for files already
     * imported, one line on stderr.
     */
    private void launchAnswers(List<String> args) throws Exception {
        AnswersParameters answers;
        try {
            answers = AnswersParameters.parse(args);
        }
        catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            fail(ExitCode.USAGE, e.getMessage() + ". Usage: java -jar cape-batch.jar results=<file-or-directory>"
                    + " (or release=<file-or-directory>) --cape.output-dir=<dir>");
            return;
        }
        JobParameters parameters = answers.toJobParameters();
        String what = answers.describe();
        long lockKey = InstanceLock.key(parameters);
        try (Connection lock = dataSource.getConnection()) {
            if (!advisoryLock(lock, "pg_try_advisory_lock", lockKey)) {
                fail(ExitCode.ALREADY_RUNNING,
                        "import " + what + " is already running in another process;" + " wait for it to finish");
                return;
            }
            try {
                JobExecution last = jobRepository.getLastJobExecution(answersJob.getName(), parameters);
                if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                    fail(ExitCode.ALREADY_COMPLETED, "import " + what + " already COMPLETED (execution " + last.getId()
                            + "): these files were imported, nothing changed. A new download is a" + " new import");
                    return;
                }
                if (last != null && last.getStatus() == BatchStatus.ABANDONED) {
                    fail(ExitCode.ALREADY_COMPLETED,
                            "import " + what + " was ABANDONED (execution " + last.getId() + ") and cannot resume");
                    return;
                }
                if (last != null) {
                    recovery.recover(last, what);
                }
                report(jobOperator.start(answersJob, parameters), what);
            }
            finally {
                unlockQuietly(lock, lockKey);
            }
        }
        catch (RuntimeException e) {
            log.error("Import {} could not complete", what, e);
            fail(ExitCode.FAILED,
                    "import " + what + " FAILED: " + FailureLine.cause(e) + ". " + advice(FailureLine.databaseLost(e)));
        }
    }

    private void runLocked(JobParameters parameters, RunParameters run, String what) throws Exception {
        long lockKey = InstanceLock.key(parameters);
        try (Connection lock = dataSource.getConnection()) {
            if (!advisoryLock(lock, "pg_try_advisory_lock", lockKey)) {
                fail(ExitCode.ALREADY_RUNNING,
                        "run " + what + " is already running in another process;" + " wait for it to finish");
                return;
            }
            try {
                startOrRestart(parameters, run, what);
            }
            finally {
                // The connection goes back to the pool: a session lock must not stay with
                // it.
                unlockQuietly(lock, lockKey);
            }
        }
    }

    private void startOrRestart(JobParameters parameters, RunParameters run, String what) throws Exception {
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            fail(ExitCode.ALREADY_COMPLETED,
                    "run " + what + " already COMPLETED (execution " + last.getId()
                            + "); its output is final. To run it again on purpose, use another runDate"
                            + " or a new cape.work-dir / database");
            return;
        }
        if (last != null && last.getStatus() == BatchStatus.ABANDONED) {
            fail(ExitCode.ALREADY_COMPLETED, "run " + what + " was ABANDONED (execution " + last.getId()
                    + ") and cannot resume; to process this input, use another runDate");
            return;
        }
        try {
            OutputDirectoryClaim.claim(properties.getOutputDir(),
                    "job=" + job.getName() + "\n" + RunParameters.INPUT + "="
                            + parameters.getString(RunParameters.INPUT) + "\n" + RunParameters.RUN_DATE + "="
                            + parameters.getString(RunParameters.RUN_DATE));
        }
        catch (UsageException e) {
            fail(ExitCode.USAGE, e.getMessage());
            return;
        }
        if (last != null) {
            last = recovery.recover(last, what);
            if (!run.databaseInput()) {
                Optional<String> changed = fingerprints.differenceOnRestart(last.getJobInstance().getInstanceId(),
                        run.inputPath());
                if (changed.isPresent()) {
                    fail(ExitCode.USAGE,
                            "run " + what + " cannot resume: " + changed.get() + " since execution " + last.getId()
                                    + " started. Restore the input as it was and run the same command"
                                    + " again, or abandon the run (java -jar cape-batch.jar abandon " + last.getId()
                                    + ") and start over with another runDate");
                    return;
                }
            }
        }
        try (GracefulStop graceful = GracefulStop.install(() -> stopRunning(parameters))) {
            report(jobOperator.start(job, parameters), what);
        }
    }

    /**
     * On SIGTERM: asks the execution being started or running to stop at its next chunk
     * boundary.
     */
    private void stopRunning(JobParameters parameters) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JobExecution running = jobRepository.getLastJobExecution(job.getName(), parameters);
            if (running != null
                    && (running.getStatus() == BatchStatus.STARTED || running.getStatus() == BatchStatus.STARTING)) {
                try {
                    jobOperator.stop(running);
                    return;
                }
                catch (JobExecutionNotRunningException e) {
                    // It ended (or was not yet marked started) between the read and the
                    // stop: look again.
                }
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void report(JobExecution execution, String what) {
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        Path output = properties.getOutputDir().toAbsolutePath().normalize();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            totals = runMetrics.totalsOf(execution);
            log.info("Run {} COMPLETED: {}output {}, {} s (execution {})", what,
                    totals
                        .map(t -> t.assessed() + " entries, " + t.eligible() + " eligible, refund total "
                                + t.refundTotal().toPlainString() + " USD, ")
                        .orElse(""),
                    output, took.toMillis() / 1000.0, execution.getId());
            exitCode = ExitCode.COMPLETED;
            return;
        }
        FailureLine.StepFailure failure = FailureLine.of(execution);
        String step = failure.step() == null ? "" : " in " + failure.step();
        log.info("Run {} {}{}: output {}, {} s (execution {})", what, execution.getStatus(), step, output,
                took.toMillis() / 1000.0, execution.getId());
        if (execution.getStatus() == BatchStatus.STOPPED) {
            fail(ExitCode.STOPPED, "run " + what + " STOPPED" + step + " (execution " + execution.getId()
                    + ") at a chunk boundary, as requested. Run the same command again to resume it");
            return;
        }
        boolean inputChanged = execution.getAllFailureExceptions()
            .stream()
            .anyMatch(t -> t instanceof InputChangedException);
        fail(ExitCode.FAILED, "run " + what + " " + execution.getStatus() + step + ": " + failure.cause()
                + (inputChanged ? "" : ". " + advice(failure.databaseLost())));
    }

    private static String advice(boolean databaseLost) {
        return databaseLost
                ? "Check that the database is up, then run the same command again: it resumes from the last commit"
                : "Fix the cause and run the same command again: it restarts from where it stopped";
    }

    /**
     * One line on stderr, prefixed, masked, never longer than {@link #MAX_LINE}
     * characters.
     */
    private void fail(ExitCode code, String message) {
        exitCode = code;
        String line = "cape-batch: " + SensitiveText.mask(message.replace('\n', ' ').replace('\r', ' '));
        stderr.println(line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 1) + "…");
    }

    static JobParameters parameters(List<String> args) {
        JobParametersBuilder builder = new JobParametersBuilder();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (expected name=value)");
            }
            String name = arg.substring(0, eq);
            if (!name.equals(RunParameters.INPUT) && !name.equals(RunParameters.RUN_DATE)) {
                throw new IllegalArgumentException("unknown job parameter '" + name + "'");
            }
            builder.addString(name, arg.substring(eq + 1));
        }
        return builder.toJobParameters();
    }

    /**
     * A lock whose connection broke is already released by the server: nothing to undo
     * then.
     */
    private static void unlockQuietly(Connection connection, long key) {
        try {
            advisoryLock(connection, "pg_advisory_unlock", key);
        }
        catch (SQLException e) {
            log.debug("Advisory lock {} not released explicitly: {}", key, e.getMessage());
        }
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

    @Override
    public int getExitCode() {
        return exitCode.code;
    }

    /** Exit codes of the command line; the README lists them. */
    enum ExitCode {

        COMPLETED(0), FAILED(1), USAGE(2), ALREADY_COMPLETED(3), ALREADY_RUNNING(4), STOPPED(5);

        final int code;

        ExitCode(int code) {
            this.code = code;
        }

    }

}
