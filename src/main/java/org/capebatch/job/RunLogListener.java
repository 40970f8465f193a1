package org.capebatch.job;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * One log line when a run starts (or restarts) and, when it ends, one per step with its
 * counts in the step's own unit (summed over its partitions by Spring Batch), then one
 * with the outcome.
 */
@Component
public class RunLogListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunLogListener.class);

    /** What one item of each chunk step is. */
    static final Map<String, String> UNITS = Map.of("importStep", "rows", "assessStep", "entries", "renderStep",
            "declarations");

    @Override
    public void beforeJob(JobExecution execution) {
        // The parameters once, as they are typed on the command line (Spring Batch's
        // launcher log is turned off).
        String parameters = execution.getJobParameters()
            .parameters()
            .stream()
            .sorted(java.util.Comparator.comparing(JobParameter::name))
            .map(p -> p.name() + "=" + p.value())
            .collect(java.util.stream.Collectors.joining(" "));
        log.info("Starting {} execution {} of instance {}: {}", execution.getJobInstance().getJobName(),
                execution.getId(), execution.getJobInstance().getInstanceId(), parameters);
    }

    @Override
    public void afterJob(JobExecution execution) {
        execution.getStepExecutions()
            .stream()
            .filter(s -> !s.getStepName().contains(":"))
            .forEach(s -> log.info("  step {}: {}{}", s.getStepName(), s.getStatus(), counts(s)));
        log.info("{} execution {} ended {}", execution.getJobInstance().getJobName(), execution.getId(),
                execution.getStatus());
    }

    static String counts(StepExecution step) {
        String unit = UNITS.get(step.getStepName());
        if (unit == null) {
            // A tasklet: the declare steps count the entries they declared; the others
            // count nothing.
            return step.getWriteCount() > 0 ? " (entries declared: " + step.getWriteCount() + ")" : "";
        }
        return String.format(" (%s: read %d, written %d, filtered %d, skipped %d)", unit, step.getReadCount(),
                step.getWriteCount(), step.getFilterCount(), step.getSkipCount());
    }

}
