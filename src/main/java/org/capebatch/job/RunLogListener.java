package org.capebatch.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/** One log line when a run starts (or restarts) and one when it ends, with the step that failed if any. */
@Component
public class RunLogListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunLogListener.class);

    @Override
    public void beforeJob(JobExecution execution) {
        // The parameters once, as they are typed on the command line (Spring Batch's launcher log is turned off).
        String parameters = execution.getJobParameters().parameters().stream()
                .sorted(java.util.Comparator.comparing(JobParameter::name))
                .map(p -> p.name() + "=" + p.value()).collect(java.util.stream.Collectors.joining(" "));
        log.info("Starting {} execution {} of instance {}: {}", execution.getJobInstance().getJobName(),
                execution.getId(), execution.getJobInstance().getInstanceId(), parameters);
    }

    @Override
    public void afterJob(JobExecution execution) {
        execution.getStepExecutions().stream()
                .filter(s -> !s.getStepName().contains(":"))
                .forEach(s -> log.info("  step {}: {} (read {}, written {}, skipped {})", s.getStepName(),
                        s.getStatus(), s.getReadCount(), s.getWriteCount(), s.getSkipCount()));
        log.info("{} execution {} ended {}", execution.getJobInstance().getJobName(), execution.getId(),
                execution.getStatus());
    }
}
