package org.capebatch.job;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * {@code runs}: the job executions of the store, newest first: execution and run (job
 * instance), status, start and end, the parameters, the counts of each step, and for an
 * execution that did not complete the failure line.
 */
final class RunsCommand {

    static final int DEFAULT_LIMIT = 20;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JobRepository jobRepository;

    private final PrintStream out;

    RunsCommand(JobRepository jobRepository, PrintStream out) {
        this.jobRepository = jobRepository;
        this.out = out;
    }

    /** Prints the executions of the {@code limit} most recent runs of every job. */
    void print(int limit) {
        List<JobExecution> executions = new ArrayList<>();
        for (String jobName : jobRepository.getJobNames()) {
            for (JobInstance instance : jobRepository.getJobInstances(jobName, 0, limit)) {
                executions.addAll(jobRepository.getJobExecutions(instance));
            }
        }
        executions.sort(Comparator.comparingLong(JobExecution::getId).reversed());
        if (executions.isEmpty()) {
            out.println("No job executions in this job store.");
            return;
        }
        for (JobExecution execution : executions) {
            out.println(describe(execution));
        }
    }

    static String describe(JobExecution execution) {
        StringBuilder text = new StringBuilder();
        text.append("execution ")
            .append(execution.getId())
            .append("  run ")
            .append(execution.getJobInstance().getInstanceId())
            .append("  ")
            .append(execution.getStatus())
            .append("  started ")
            .append(time(execution.getStartTime()))
            .append("  ended ")
            .append(time(execution.getEndTime()))
            .append("  ")
            .append(execution.getJobInstance().getJobName())
            .append(' ')
            .append(parameters(execution));
        // A partitioned step's counts are the sum of its partitions (Batch aggregates
        // them), so only steps are shown.
        List<StepExecution> steps = execution.getStepExecutions()
            .stream()
            .sorted(Comparator.comparingLong(StepExecution::getId))
            .toList();
        for (StepExecution step : steps) {
            if (!step.getStepName().contains(":")) {
                text.append("\n    ")
                    .append(step.getStepName())
                    .append(' ')
                    .append(step.getStatus())
                    .append("  read ")
                    .append(step.getReadCount())
                    .append("  written ")
                    .append(step.getWriteCount())
                    .append("  skipped ")
                    .append(step.getSkipCount());
            }
        }
        if (execution.getStatus().isUnsuccessful()) {
            FailureLine.StepFailure failure = FailureLine.of(execution);
            text.append("\n    failure")
                .append(failure.step() == null ? "" : " in " + failure.step())
                .append(": ")
                .append(failure.cause());
        }
        return text.toString();
    }

    private static String parameters(JobExecution execution) {
        return execution.getJobParameters()
            .parameters()
            .stream()
            .filter(JobParameter::identifying)
            .sorted(Comparator.comparing(JobParameter::name))
            .map(p -> p.name() + "=" + p.value())
            .collect(Collectors.joining(" "));
    }

    private static String time(LocalDateTime time) {
        return time == null ? "-" : TIME.format(time);
    }

}
