package org.capebatch.job;

import java.nio.file.Path;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.capebatch.answers.AnswersApplyTasklet;
import org.capebatch.answers.AnswersCheckTasklet;
import org.capebatch.answers.AnswersReportTasklet;
import org.capebatch.answers.AnswersStageTasklet;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code capeAnswersJob} (SPEC §6, DESIGN.md "The answers job"): answersCheck →
 * answersStage → answersApply → answersReport, on the same job repository as the
 * declaration job. Identifying parameters are the kind and every file's name and SHA-256
 * ({@link AnswersParameters}); no incrementer, so the same files restart a failed import
 * and are refused after a completed one.
 */
@Configuration(proxyBeanMethods = false)
public class AnswersJobConfiguration {

    public static final String JOB_NAME = "capeAnswersJob";

    private static final String IMPORT_ID = "#{stepExecution.jobExecution.jobInstance.instanceId}";

    private static final String PARAMETERS = "#{stepExecution.jobExecution.jobParameters}";

    @Bean
    public Job capeAnswersJob(JobRepository jobRepository, Step answersCheckStep, Step answersStageStep,
            Step answersApplyStep, Step answersReportStep, RunLogListener runLogListener, LedgerMetrics ledgerMetrics) {
        return new JobBuilder(JOB_NAME, jobRepository).validator(AnswersParameters.VALIDATOR)
            .listener(runLogListener)
            .listener(ledgerMetrics)
            .start(answersCheckStep)
            .next(answersStageStep)
            .next(answersApplyStep)
            .next(answersReportStep)
            .build();
    }

    @Bean
    public LedgerMetrics ledgerMetrics(DataSource dataSource, MeterRegistry meterRegistry) {
        return new LedgerMetrics(new JdbcTemplate(dataSource), meterRegistry);
    }

    @Bean
    public Step answersCheckStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            AnswersCheckTasklet answersCheckTasklet) {
        return new StepBuilder("answersCheckStep", jobRepository).tasklet(answersCheckTasklet, transactionManager)
            .build();
    }

    @Bean
    @StepScope
    public AnswersCheckTasklet answersCheckTasklet(DataSource dataSource, @Value(IMPORT_ID) long importId,
            @Value(PARAMETERS) JobParameters parameters) {
        return new AnswersCheckTasklet(new JdbcTemplate(dataSource), importId, AnswersParameters.kind(parameters),
                Path.of(parameters.getString(AnswersParameters.INPUT)), AnswersParameters.expectedFiles(parameters));
    }

    @Bean
    public Step answersStageStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            AnswersStageTasklet answersStageTasklet) {
        return new StepBuilder("answersStageStep", jobRepository).tasklet(answersStageTasklet, transactionManager)
            .build();
    }

    @Bean
    @StepScope
    public AnswersStageTasklet answersStageTasklet(DataSource dataSource, @Value(IMPORT_ID) long importId,
            @Value(PARAMETERS) JobParameters parameters) {
        return new AnswersStageTasklet(dataSource, importId, AnswersParameters.kind(parameters),
                Path.of(parameters.getString(AnswersParameters.INPUT)));
    }

    @Bean
    public Step answersApplyStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            AnswersApplyTasklet answersApplyTasklet, DataSource dataSource) {
        return new StepBuilder("answersApplyStep", jobRepository)
            .listener(new AnalyzeTablesListener(new JdbcTemplate(dataSource), "cape_entry_state", "cape_answer"))
            .tasklet(answersApplyTasklet, transactionManager)
            .build();
    }

    @Bean
    @StepScope
    public AnswersApplyTasklet answersApplyTasklet(DataSource dataSource, @Value(IMPORT_ID) long importId) {
        return new AnswersApplyTasklet(dataSource, importId);
    }

    @Bean
    public Step answersReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            AnswersReportTasklet answersReportTasklet) {
        return new StepBuilder("answersReportStep", jobRepository).tasklet(answersReportTasklet, transactionManager)
            .build();
    }

    @Bean
    @StepScope
    public AnswersReportTasklet answersReportTasklet(DataSource dataSource, CapeProperties properties,
            @Value(IMPORT_ID) long importId, @Value(PARAMETERS) JobParameters parameters) {
        return new AnswersReportTasklet(dataSource, importId, AnswersParameters.kind(parameters),
                parameters.getString(AnswersParameters.INPUT), properties.getOutputDir(),
                properties.getResults().getVarianceTolerance());
    }

}
