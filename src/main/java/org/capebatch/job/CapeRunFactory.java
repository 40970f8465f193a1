package org.capebatch.job;

import java.time.LocalDate;

import org.capebatch.run.CapeRun;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link CapeRun} of a step from its job execution; step-scoped beans take it
 * with {@code @Value(CapeJobConfiguration.RUN)}. The job parameters were validated before
 * the instance was created ({@link RunParameters#VALIDATOR}); they are not checked again
 * here, because a restart's later steps must run even if the input has gone since the
 * import.
 */
@Component(CapeRunFactory.BEAN)
public class CapeRunFactory {

    static final String BEAN = "capeRunFactory";

    private final CapeProperties properties;

    public CapeRunFactory(CapeProperties properties) {
        this.properties = properties;
    }

    public CapeRun of(StepExecution stepExecution) {
        JobExecution job = stepExecution.getJobExecution();
        JobParameters parameters = job.getJobParameters();
        return new CapeRun(job.getJobInstance().getInstanceId(),
                LocalDate.parse(parameters.getString(RunParameters.RUN_DATE).trim()),
                parameters.getString(RunParameters.INPUT).trim(), properties.getOutputDir());
    }

}
