package org.capebatch.job;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.capebatch.assessment.AssessEntryProcessor;
import org.capebatch.assessment.AssessedEntry;
import org.capebatch.assessment.AssessmentWriter;
import org.capebatch.assessment.EntrySkipPolicy;
import org.capebatch.assessment.GroupKeys;
import org.capebatch.assessment.LedgerVerdicts;
import org.capebatch.assessment.StagedEntry;
import org.capebatch.assessment.StagedEntryReader;
import org.capebatch.assessment.UnassessableEntries;
import org.capebatch.declaration.DeclarationGroups;
import org.capebatch.declaration.GroupBy;
import org.capebatch.jdbc.SavepointItemWriter;
import org.capebatch.jdbc.TransientErrors;
import org.capebatch.refund.RateTable;
import org.capebatch.refund.RefundCalculator;
import org.capebatch.remote.RemotePartitionHandlers;
import org.capebatch.rules.EligibilityRule;
import org.capebatch.rules.EligibilityRules;
import org.capebatch.rules.EntryAssessor;
import org.capebatch.rules.RulesConfig;
import org.capebatch.run.CapeRun;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The assess step: entry-number range partitions, each a chunk step of entries (SPEC
 * §3–§4).
 */
@Configuration(proxyBeanMethods = false)
public class AssessStepConfiguration {

    /** Importer numbers whose group key is remembered within one assess step. */
    private static final int KNOWN_IMPORTERS = 100_000;

    @Bean
    public Step assessStep(JobRepository jobRepository, @Qualifier("assessPartitionStep") Step assessPartitionStep,
            KeyRangePartitioner entryRangePartitioner, TaskExecutor partitionTaskExecutor, CapeProperties properties,
            DataSource dataSource, ObjectProvider<RemotePartitionHandlers> remote) {
        PartitionStepBuilder builder = new StepBuilder("assessStep", jobRepository)
            .listener(new AnalyzeTablesListener(new JdbcTemplate(dataSource), "cape_assessment", "cape_rejected_row"))
            .partitioner("assessPartitionStep", entryRangePartitioner)
            .step(assessPartitionStep)
            .gridSize(properties.getJob().getGridSize())
            .taskExecutor(partitionTaskExecutor);
        // Profile "manager": the same partitions run in worker processes
        // (remote.RemotePartitionHandlers).
        remote.ifAvailable(handlers -> builder
            .partitionHandler(handlers.handler("assessPartitionStep", properties.getJob().getGridSize())));
        return builder.build();
    }

    @Bean
    public TaskExecutor partitionTaskExecutor(CapeProperties properties) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("partition-");
        executor.setConcurrencyLimit(properties.getJob().getGridSize());
        return executor;
    }

    @Bean
    @StepScope
    public KeyRangePartitioner entryRangePartitioner(DataSource dataSource,
            @Value(CapeJobConfiguration.RUN) CapeRun run, Progress progress) {
        return new KeyRangePartitioner(new JdbcTemplate(dataSource), KeyRangePartitioner.ENTRY_KEYS, run.id(),
                total -> progress.expect("assess", total));
    }

    /**
     * One item is one entry; the commit interval is {@code cape.job.assess-chunk-size}
     * entries. An entry whose assessment throws unexpectedly is skipped (up to
     * {@code cape.job.skip-limit} per run) and recorded as a DATA_ERROR; transient
     * database errors are retried.
     */
    @Bean
    public Step assessPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StagedEntryReader stagedEntryReader, AssessEntryProcessor assessEntryProcessor,
            AssessmentWriter assessmentWriter, UnassessableEntries unassessableEntries, EntrySkipPolicy entrySkipPolicy,
            TransientErrors transientErrors, CapeProperties properties) {
        return new StepBuilder("assessPartitionStep", jobRepository)
            .<StagedEntry, AssessedEntry>chunk(properties.getJob().getAssessChunkSize())
            .transactionManager(transactionManager)
            .reader(stagedEntryReader)
            .processor(assessEntryProcessor)
            .writer(new SavepointItemWriter<>(assessmentWriter, transactionManager))
            .listener(unassessableEntries)
            .faultTolerant()
            .retryPolicy(transientErrors.retryPolicy())
            .skipPolicy(entrySkipPolicy)
            .build();
    }

    @Bean
    @StepScope
    public StagedEntryReader stagedEntryReader(DataSource dataSource, @Value(CapeJobConfiguration.RUN) CapeRun run,
            @Value("#{stepExecutionContext['fromExclusive']}") String from,
            @Value("#{stepExecutionContext['toInclusive']}") String to, CapeProperties properties) {
        return new StagedEntryReader(dataSource, run, from, to, properties.getJob().getAssessChunkSize(),
                fileNames(dataSource, run.id()), new LedgerVerdicts(new JdbcTemplate(dataSource), run.id()));
    }

    /**
     * The checks and the refund calculator, as configured when the step starts. Step
     * scope without a proxy (the class is final): only the step-scoped processor uses it,
     * and creates it inside the step.
     */
    @Bean
    @Scope(scopeName = "step", proxyMode = ScopedProxyMode.NO)
    public EntryAssessor stepEntryAssessor(CapeProperties properties, RateTable rateTable) {
        return entryAssessor(properties, rateTable);
    }

    @Bean
    @StepScope
    public AssessEntryProcessor assessEntryProcessor(CapeProperties properties,
            @Value(CapeJobConfiguration.RUN) CapeRun run, EntryAssessor stepEntryAssessor) {
        return new AssessEntryProcessor(stepEntryAssessor, run, groupKeys(properties.getDeclaration().getGroupBy()));
    }

    /**
     * The checks of SPEC §3 and the estimate of §4, as configured when the step starts.
     */
    static EntryAssessor entryAssessor(CapeProperties properties, RateTable rateTable) {
        return entryAssessor(properties, rateTable, EligibilityRules.inOrder());
    }

    static EntryAssessor entryAssessor(CapeProperties properties, RateTable rateTable, List<EligibilityRule> rules) {
        CapeProperties.Rules settings = properties.getRules();
        RulesConfig config = new RulesConfig(settings.getLiquidationWindowDays(), settings.getSafetyMarginDays(),
                properties.getDeclarant().getFilerCodes(), properties.getDeclarant().getImporters(),
                settings.getPhase3Importers(), settings.getPhase3Start());
        RefundCalculator refund = new RefundCalculator(rateTable, properties.getRefund().getLiquidationLagDays(),
                properties.getRefund().getDefaultImporterType());
        return new EntryAssessor(config, refund, rules);
    }

    @Bean
    @StepScope
    public UnassessableEntries unassessableEntries(AssessEntryProcessor assessEntryProcessor) {
        return new UnassessableEntries(assessEntryProcessor);
    }

    @Bean
    @StepScope
    public EntrySkipPolicy entrySkipPolicy(CapeProperties properties, JobRepository jobRepository,
            @Value("#{stepExecution}") StepExecution stepExecution) {
        return new EntrySkipPolicy(properties.getJob().getSkipLimit(), jobRepository, stepExecution);
    }

    @Bean
    @StepScope
    public AssessmentWriter assessmentWriter(DataSource dataSource, @Value(CapeJobConfiguration.RUN) CapeRun run,
            UnassessableEntries unassessableEntries) {
        return new AssessmentWriter(dataSource, run, fileNames(dataSource, run.id()), unassessableEntries);
    }

    /**
     * A malformed rate table is a startup error that names the line (RateTable's own
     * message).
     */
    @Bean
    public RateTable rateTable(CapeProperties properties) {
        return properties.getRefund().getRatesFile() == null ? RateTable.bundled()
                : RateTable.load(properties.getRefund().getRatesFile());
    }

    static Map<Integer, String> fileNames(DataSource dataSource, long runId) {
        Map<Integer, String> names = new java.util.HashMap<>();
        new JdbcTemplate(dataSource).query("SELECT file_index, source_file FROM cape_input_file WHERE run_id = ?",
                rs -> {
                    names.put(rs.getInt(1), rs.getString(2));
                }, runId);
        return names;
    }

    /**
     * The declaration group of an eligible entry is the declaration feature's rule (SPEC
     * §5), applied as it is assessed. Grouped by importer, the key depends on the
     * importer number alone; a broker's thousands of importers are computed once each
     * rather than once per entry (the SSN test and clean-up are regular expressions).
     */
    private static GroupKeys groupKeys(GroupBy groupBy) {
        if (groupBy != GroupBy.IMPORTER) {
            return (importerNumber, entry) -> DeclarationGroups.groupKey(groupBy, importerNumber, entry);
        }
        Map<String, String> known = new ConcurrentHashMap<>();
        return (importerNumber, entry) -> {
            if (importerNumber == null || known.size() >= KNOWN_IMPORTERS) {
                return DeclarationGroups.groupKey(groupBy, importerNumber, entry);
            }
            return known.computeIfAbsent(importerNumber, i -> DeclarationGroups.groupKey(groupBy, i, entry));
        };
    }

}
