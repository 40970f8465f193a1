package org.capebatch.job;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.capebatch.jdbc.SavepointItemWriter;
import org.capebatch.jdbc.TransientErrors;
import org.capebatch.remote.RemotePartitionHandlers;
import org.capebatch.run.CapeRun;
import org.capebatch.source.ByteRange;
import org.capebatch.source.InputFingerprintListener;
import org.capebatch.source.InputFingerprints;
import org.capebatch.source.FragmentBuilder;
import org.capebatch.source.ImportBatch;
import org.capebatch.source.InputFile;
import org.capebatch.source.InputFilePartitioner;
import org.capebatch.source.InputPart;
import org.capebatch.source.InputSource;
import org.capebatch.source.RawBatch;
import org.capebatch.source.RawBatchReader;
import org.capebatch.source.StagingWriter;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The import step: one partition per input file, each a chunk step of row batches COPYed
 * into staging as fragments.
 */
@Configuration(proxyBeanMethods = false)
public class ImportStepConfiguration {

    @Bean
    public Step importStep(JobRepository jobRepository, @Qualifier("importFileStep") Step importFileStep,
            InputFilePartitioner inputFilePartitioner, TaskExecutor partitionTaskExecutor, CapeProperties properties,
            DataSource dataSource, ObjectProvider<RemotePartitionHandlers> remote) {
        PartitionStepBuilder builder = new StepBuilder("importStep", jobRepository)
            .listener(
                    new AnalyzeTablesListener(new JdbcTemplate(dataSource), "cape_staged_fragment", "cape_input_part"))
            .partitioner("importFileStep", inputFilePartitioner)
            .step(importFileStep)
            .gridSize(properties.getJob().getGridSize())
            .taskExecutor(partitionTaskExecutor);
        // Profile "manager": the files are imported by worker processes, which must see
        // them at the same path.
        remote.ifAvailable(handlers -> builder
            .partitionHandler(handlers.handler("importFileStep", properties.getJob().getGridSize())));
        return builder.build();
    }

    @Bean
    @StepScope
    public InputFilePartitioner inputFilePartitioner(InputSource inputSource, Progress progress) {
        // Time left is estimated from the bytes of the input read so far (rows are only
        // known at the end).
        progress.expectWork("import", inputSource.totalBytes());
        return new InputFilePartitioner(inputSource);
    }

    @Bean
    public Step importFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RawBatchReader rawBatchReader, StagingWriter stagingWriter, TransientErrors transientErrors,
            DataSource dataSource) {
        return new StepBuilder("importFileStep", jobRepository)
            .listener(new InputFingerprintListener(new InputFingerprints(new JdbcTemplate(dataSource))))
            .<RawBatch, ImportBatch>chunk(1)
            .transactionManager(transactionManager)
            .reader(rawBatchReader)
            .processor(new FragmentBuilder())
            .writer(new SavepointItemWriter<>(stagingWriter, transactionManager))
            .listener(new ImportRowCounts())
            .faultTolerant()
            .retryPolicy(transientErrors.retryPolicy())
            .build();
    }

    @Bean
    @StepScope
    public RawBatchReader rawBatchReader(@Value("#{stepExecutionContext['fileIndex']}") int fileIndex,
            @Value("#{stepExecutionContext['filePath']}") String filePath,
            @Value("#{stepExecutionContext['part']}") int part,
            @Value("#{stepExecutionContext['rangeStart']}") long rangeStart,
            @Value("#{stepExecutionContext['rangeEnd']}") long rangeEnd,
            @Value("#{stepExecutionContext['firstLine']}") long firstLine, CapeProperties properties,
            InputSource inputSource) {
        InputPart inputPart = new InputPart(new InputFile(fileIndex, Path.of(filePath)), part,
                new ByteRange(rangeStart, rangeEnd, firstLine));
        return new RawBatchReader(inputSource, inputPart, properties.getJob().getImportBatchRows());
    }

    @Bean
    @JobScope
    public InputSource inputSource(@Value("#{jobParameters['input']}") String input, DataSource dataSource,
            CapeProperties properties) {
        return new InputSource(input, dataSource, properties.getJob().getGridSize(),
                properties.getJob().getMinSplitBytes());
    }

    @Bean
    @StepScope
    public StagingWriter stagingWriter(DataSource dataSource, @Value(CapeJobConfiguration.RUN) CapeRun run) {
        return new StagingWriter(dataSource, run);
    }

}
