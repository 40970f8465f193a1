package org.capebatch.job;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.capebatch.declaration.CompleteDeclarationsTasklet;
import org.capebatch.declaration.DeclareTasklet;
import org.capebatch.refund.RateTable;
import org.capebatch.report.ManifestFigures;
import org.capebatch.report.ManifestTasklet;
import org.capebatch.report.ReportTasklet;
import org.capebatch.run.CapeRun;
import org.capebatch.source.InputCheckTasklet;
import org.capebatch.source.InputSource;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code capeDeclarationJob}: inputCheck → import → assess → declare → render →
 * (completeDeclarations ∥ report) → manifest (DESIGN.md). No incrementer: the identifying
 * parameters input and runDate are the job instance, so the same command restarts a
 * failed run (reference/spring-batch-6.md §1.4).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CapeProperties.class)
public class CapeJobConfiguration {

    public static final String JOB_NAME = "capeDeclarationJob";

    /** The step's {@link CapeRun}, for step-scoped beans. */
    static final String RUN = "#{@" + CapeRunFactory.BEAN + ".of(stepExecution)}";

    @Bean
    public Job capeDeclarationJob(JobRepository jobRepository, Step inputCheckStep,
            @Qualifier("importStep") Step importStep, @Qualifier("assessStep") Step assessStep, Step declareStep,
            @Qualifier("renderStep") Step renderStep, Step completeDeclarationsStep, Step reportStep, Step manifestStep,
            RunLogListener runLogListener, RunMetrics runMetrics, LedgerMetrics ledgerMetrics, Progress progress) {
        Flow declaration = new FlowBuilder<SimpleFlow>("declarationFlow").start(inputCheckStep)
            .next(importStep)
            .next(assessStep)
            .next(declareStep)
            .next(renderStep)
            .build();
        // Completing the declarations and writing the reports each keep one database
        // session busy and need nothing from each other: side by side they use both
        // cores.
        Flow completeAndReport = new FlowBuilder<SimpleFlow>("completeAndReportFlow")
            .split(new SimpleAsyncTaskExecutor("finish-"))
            .add(new FlowBuilder<SimpleFlow>("completeFlow").start(completeDeclarationsStep).build(),
                    new FlowBuilder<SimpleFlow>("reportFlow").start(reportStep).build())
            .build();
        return new JobBuilder(JOB_NAME, jobRepository).validator(RunParameters.VALIDATOR)
            .listener(runLogListener)
            .listener(runMetrics)
            .listener(ledgerMetrics)
            .listener(progress)
            .start(declaration)
            .next(completeAndReport)
            .next(manifestStep)
            .end()
            .build();
    }

    @Bean
    public RunMetrics runMetrics(DataSource dataSource, MeterRegistry meterRegistry) {
        return new RunMetrics(new JdbcTemplate(dataSource), meterRegistry);
    }

    @Bean
    public RunMetricsPusher runMetricsPusher(CapeProperties properties) {
        return new RunMetricsPusher(properties.getMetrics().getPushgateway(), java.time.Clock.systemUTC());
    }

    @Bean
    public Step inputCheckStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            InputCheckTasklet inputCheckTasklet) {
        return new StepBuilder("inputCheckStep", jobRepository).tasklet(inputCheckTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public InputCheckTasklet inputCheckTasklet(DataSource dataSource, @Value(RUN) CapeRun run,
            InputSource inputSource) {
        return new InputCheckTasklet(new JdbcTemplate(dataSource), run, inputSource);
    }

    @Bean
    public Step declareStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DeclareTasklet declareTasklet, DataSource dataSource) {
        return new StepBuilder("declareStep", jobRepository)
            .listener(new AnalyzeTablesListener(new JdbcTemplate(dataSource), "cape_ledger", "cape_declaration"))
            .tasklet(declareTasklet, transactionManager)
            .build();
    }

    @Bean
    @StepScope
    public DeclareTasklet declareTasklet(DataSource dataSource, CapeProperties properties, @Value(RUN) CapeRun run,
            RateTable rateTable) {
        return new DeclareTasklet(dataSource, run, properties.getDeclaration().getMaxEntries(),
                AssessStepConfiguration.entryAssessor(properties, rateTable));
    }

    /**
     * After render: the run's entries count as declared only once their declaration files
     * exist (SPEC §6.5).
     */
    @Bean
    public Step completeDeclarationsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CompleteDeclarationsTasklet completeDeclarationsTasklet) {
        return new StepBuilder("completeDeclarationsStep", jobRepository)
            .tasklet(completeDeclarationsTasklet, transactionManager)
            .build();
    }

    @Bean
    @StepScope
    public CompleteDeclarationsTasklet completeDeclarationsTasklet(DataSource dataSource, @Value(RUN) CapeRun run) {
        return new CompleteDeclarationsTasklet(new JdbcTemplate(dataSource), run.id(), run.runDate());
    }

    @Bean
    public Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ReportTasklet reportTasklet) {
        ExecutionContextPromotionListener figures = new ExecutionContextPromotionListener();
        figures.setKeys(ManifestFigures.KEYS);
        figures.setStatuses(new String[] { ExitStatus.COMPLETED.getExitCode() });
        return new StepBuilder("reportStep", jobRepository).listener(figures)
            .tasklet(reportTasklet, transactionManager)
            .build();
    }

    @Bean
    @StepScope
    public ReportTasklet reportTasklet(DataSource dataSource, @Value(RUN) CapeRun run) {
        return new ReportTasklet(dataSource, run);
    }

    /** Last: the manifest describes every file the steps before wrote. */
    @Bean
    public Step manifestStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ManifestTasklet manifestTasklet) {
        return new StepBuilder("manifestStep", jobRepository).tasklet(manifestTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public ManifestTasklet manifestTasklet(DataSource dataSource, @Value(RUN) CapeRun run) {
        return new ManifestTasklet(new JdbcTemplate(dataSource), run, JOB_NAME);
    }

}
