package org.capebatch.job;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.capebatch.logging.SensitiveText;
import org.capebatch.remote.RemotePartitionLocks;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The operator commands on the job store (issue 11 item 8), through Spring Batch's
 * {@link JobRepository} and {@link JobOperator}: {@code runs} lists executions,
 * {@code abandon <execution>} gives one up for good, {@code prune --keep-days=N} trims
 * old metadata and staging rows. The command line was checked before Spring started
 * ({@link CommandLine}); {@link CapeJobRunner} leaves these commands alone.
 */
@Component
public class OperatorCommands implements ApplicationRunner, ExitCodeGenerator {

    static final Set<String> COMMANDS = Set.of("runs", "abandon", "prune");

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    private final DataSource dataSource;

    private final ObjectProvider<RemotePartitionLocks> partitionLocks;

    private final PrintStream out;

    private final PrintStream err;

    private int exitCode;

    @Autowired
    public OperatorCommands(JobOperator jobOperator, JobRepository jobRepository, DataSource dataSource,
            ObjectProvider<RemotePartitionLocks> partitionLocks) {
        this(jobOperator, jobRepository, dataSource, partitionLocks, System.out, System.err);
    }

    OperatorCommands(JobOperator jobOperator, JobRepository jobRepository, DataSource dataSource,
            ObjectProvider<RemotePartitionLocks> partitionLocks, PrintStream out, PrintStream err) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.dataSource = dataSource;
        this.partitionLocks = partitionLocks;
        this.out = out;
        this.err = err;
    }

    /** Whether the command line is an operator command rather than a run. */
    static boolean isOperatorCommand(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        return !words.isEmpty() && COMMANDS.contains(words.get(0));
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!isOperatorCommand(args)) {
            return;
        }
        List<String> words = args.getNonOptionArgs();
        try {
            switch (words.get(0)) {
                case "runs" -> new RunsCommand(jobRepository, out).print(limit(args));
                case "abandon" -> new AbandonCommand(jobOperator, jobRepository, dataSource,
                        new ExecutionRecovery(jobOperator, jobRepository, partitionLocks), out)
                    .abandon(Long.parseLong(words.get(1)));
                case "prune" -> new PruneCommand(jobRepository, dataSource, out).prune(keepDays(args));
                default -> throw new OperatorException(2, "unknown command " + words.get(0));
            }
        }
        catch (OperatorException e) {
            exitCode = e.exitCode;
            err.println("cape-batch: " + SensitiveText.mask(e.getMessage()));
        }
    }

    private static int limit(ApplicationArguments args) {
        List<String> values = args.getOptionValues("limit");
        if (values == null || values.isEmpty()) {
            return RunsCommand.DEFAULT_LIMIT;
        }
        return positive("--limit", values.get(values.size() - 1), 1);
    }

    private static int keepDays(ApplicationArguments args) {
        List<String> values = args.getOptionValues("keep-days");
        if (values == null || values.isEmpty()) {
            throw new OperatorException(2, "prune needs --keep-days=<N>: job metadata and staging rows of runs"
                    + " that ended more than N days ago are deleted; fix the command");
        }
        return positive("--keep-days", values.get(values.size() - 1), 0);
    }

    private static int positive(String option, String value, int min) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min) {
                return n;
            }
        }
        catch (NumberFormatException e) {
            // said below
        }
        throw new OperatorException(2, option + " has the invalid value '" + value + "'; valid values: a whole"
                + " number of at least " + min + "; fix the command");
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /**
     * A refusal of an operator command: one stderr line and the exit code of the README's
     * table.
     */
    static final class OperatorException extends RuntimeException {

        final int exitCode;

        OperatorException(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

    }

}
