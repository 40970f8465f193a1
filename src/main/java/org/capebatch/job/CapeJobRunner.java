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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs {@code capeDeclarationJob} from the command line of SPEC §1 and turns its outcome into an exit code and,
 * on failure, one line on stderr. Before starting it takes a PostgreSQL advisory lock for the job instance: holding
 * it proves no other process runs this instance, so an execution still marked STARTED was left by a killed
 * process and is recovered (Batch 6 {@code recover}) before the restart — no manual SQL.
 */
@Component
@ConditionalOnProperty(name = "cape.job.run-on-startup", havingValue = "true", matchIfMissing = true)
public class CapeJobRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(CapeJobRunner.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final DataSource dataSource;
    private final ObjectProvider<RemotePartitionLocks> partitionLocks;
    private final CapeProperties properties;
    private final RunMetrics runMetrics;
    private final RunMetricsPusher metricsPusher;
    private final PrintStream stderr;
    private ExitCode exitCode = ExitCode.COMPLETED;
    private Optional<RunMetrics.Totals> totals = Optional.empty();

    @Autowired
    public CapeJobRunner(JobOperator jobOperator, JobRepository jobRepository, Job capeDeclarationJob,
            DataSource dataSource, ObjectProvider<RemotePartitionLocks> partitionLocks, CapeProperties properties,
            RunMetrics runMetrics, RunMetricsPusher metricsPusher) {
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
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        try {
            launch(args);
        } finally {
            // Only the launching process pushes (workers have no runner), once, with the outcome.
            metricsPusher.push(exitCode.name(), totals);
        }
    }

    private void launch(ApplicationArguments args) throws Exception {
        JobParameters parameters;
        RunParameters run;
        try {
            parameters = CanonicalInput.resolve(parameters(args.getNonOptionArgs()), jobRepository, job.getName());
            run = RunParameters.of(parameters);
        } catch (InvalidJobParametersException | IllegalArgumentException e) {
            fail(ExitCode.USAGE, e.getMessage() + ". Usage: java -jar cape-batch.jar input=<file-or-directory|db>"
                    + " runDate=<YYYY-MM-DD> --cape.output-dir=<dir>");
            return;
        }
        String what = "input=" + run.input() + " runDate=" + run.runDate();
        long lockKey = InstanceLock.key(parameters);
        try (Connection lock = dataSource.getConnection()) {
            if (!advisoryLock(lock, "pg_try_advisory_lock", lockKey)) {
                fail(ExitCode.ALREADY_RUNNING, "run " + what + " is already running in another process;"
                        + " wait for it to finish");
                return;
            }
            try {
                startOrRestart(parameters, what);
            } finally {
                // The connection goes back to the pool: a session lock must not stay with it.
                advisoryLock(lock, "pg_advisory_unlock", lockKey);
            }
        }
    }

    private void startOrRestart(JobParameters parameters, String what) throws Exception {
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            fail(ExitCode.ALREADY_COMPLETED, "run " + what + " already COMPLETED (execution " + last.getId()
                    + "); its output is final. To run it again on purpose, use another runDate"
                    + " or a new cape.work-dir / database");
            return;
        }
        try {
            OutputDirectoryClaim.claim(properties.getOutputDir(), "job=" + job.getName() + "\n"
                    + RunParameters.INPUT + "=" + parameters.getString(RunParameters.INPUT) + "\n"
                    + RunParameters.RUN_DATE + "=" + parameters.getString(RunParameters.RUN_DATE));
        } catch (UsageException e) {
            fail(ExitCode.USAGE, e.getMessage());
            return;
        }
        if (last != null && last.getStatus().isRunning()) {
            log.warn("Execution {} of {} was left {} by a process that died; recovering it",
                    last.getId(), what, last.getStatus());
            awaitLiveWorkers(last);
            jobOperator.recover(last);
        }
        report(jobOperator.start(job, parameters), what);
    }

    /**
     * With remote partitioning a killed manager can leave workers still running partitions of its execution.
     * Recovering now would mark those FAILED under their feet; wait until no worker holds a partition's lock.
     */
    private void awaitLiveWorkers(JobExecution execution) throws InterruptedException {
        RemotePartitionLocks locks = partitionLocks.getIfAvailable();
        if (locks == null) {
            return;
        }
        while (execution.getStepExecutions().stream()
                .filter(s -> s.getStatus().isRunning())
                .anyMatch(locks::isHeld)) {
            log.info("Waiting for workers still running partitions of execution {}", execution.getId());
            Thread.sleep(2_000);
            execution = jobRepository.getJobExecution(execution.getId());
        }
    }

    private void report(JobExecution execution, String what) {
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        Path output = properties.getOutputDir().toAbsolutePath().normalize();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            totals = runMetrics.totalsOf(execution);
            log.info("Run {} COMPLETED: {}output {}, {} s (execution {})", what, totals.map(t -> t.assessed()
                    + " entries, " + t.eligible() + " eligible, refund total " + t.refundTotal().toPlainString()
                    + " USD, ").orElse(""), output, took.toMillis() / 1000.0, execution.getId());
            exitCode = ExitCode.COMPLETED;
            return;
        }
        String step = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED && !s.getStepName().contains(":"))
                .map(StepExecution::getStepName).findFirst().orElse("?");
        log.info("Run {} {} in {}: output {}, {} s (execution {})", what, execution.getStatus(), step, output,
                took.toMillis() / 1000.0, execution.getId());
        fail(execution.getStatus() == BatchStatus.STOPPED ? ExitCode.STOPPED : ExitCode.FAILED,
                "run " + what + " " + execution.getStatus() + " in " + step + ": " + rootMessage(execution)
                        + ". Fix the cause and run the same command again: it restarts from where it stopped");
    }

    private static String rootMessage(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        if (failures.isEmpty()) {
            return execution.getExitStatus().getExitDescription().lines().findFirst().orElse("unknown error");
        }
        Throwable t = failures.get(0);
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().lines().findFirst().orElse("");
    }

    private void fail(ExitCode code, String message) {
        exitCode = code;
        stderr.println("cape-batch: " + SensitiveText.mask(message));
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
