package org.capebatch.job;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.capebatch.declaration.DeclarationRenderProcessor;
import org.capebatch.declaration.DeclarationRenderer;
import org.capebatch.jdbc.SavepointItemWriter;
import org.capebatch.output.WrittenFile;
import org.capebatch.output.ManifestFile;
import org.capebatch.output.OutputFileWriter;
import org.capebatch.output.OutputFiles;
import org.capebatch.run.CapeRun;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The render step: declarations split into ranges rendered in parallel; within a range
 * one item per declaration, rendered to CSV and XLSX. A chunk's files are forced to disk
 * together, renamed into place, and recorded with their hashes in the chunk's commit (a
 * commit and an fsync per declaration cost more than rendering a small one). A restart
 * walks the range again and re-renders only declarations whose files are missing or no
 * longer match their recorded hash.
 */
@Configuration(proxyBeanMethods = false)
public class RenderStepConfiguration {

    /**
     * Rendering is file and CPU work per declaration; ranges of declarations render in
     * parallel.
     */
    @Bean
    public Step renderStep(JobRepository jobRepository, @Qualifier("renderPartitionStep") Step renderPartitionStep,
            KeyRangePartitioner declarationRangePartitioner, TaskExecutor partitionTaskExecutor,
            CapeProperties properties) {
        return new StepBuilder("renderStep", jobRepository)
            .partitioner("renderPartitionStep", declarationRangePartitioner)
            .step(renderPartitionStep)
            .gridSize(properties.getJob().getGridSize())
            .taskExecutor(partitionTaskExecutor)
            .build();
    }

    @Bean
    @StepScope
    public KeyRangePartitioner declarationRangePartitioner(DataSource dataSource,
            @Value(CapeJobConfiguration.RUN) CapeRun run, Progress progress) {
        return new KeyRangePartitioner(new JdbcTemplate(dataSource), KeyRangePartitioner.DECLARATION_KEYS, run.id(),
                total -> progress.expect("render", total));
    }

    @Bean
    public Step renderPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcCursorItemReader<String> declarationReader, DeclarationRenderProcessor declarationRenderer,
            OutputFileWriter outputFileWriter, CapeProperties properties) {
        return new StepBuilder("renderPartitionStep", jobRepository)
            .<String, List<WrittenFile>>chunk(properties.getJob().getRenderBatchDeclarations())
            .transactionManager(transactionManager)
            .reader(declarationReader)
            .processor(declarationRenderer)
            .writer(new SavepointItemWriter<>(outputFileWriter, transactionManager))
            .build();
    }

    @Bean
    @StepScope
    public JdbcCursorItemReader<String> declarationReader(DataSource dataSource,
            @Value(CapeJobConfiguration.RUN) CapeRun run,
            @Value("#{stepExecutionContext['fromExclusive']}") String from,
            @Value("#{stepExecutionContext['toInclusive']}") String to) {
        return new JdbcCursorItemReaderBuilder<String>().name("declarationReader")
            // Every declaration of the range is looked at again on restart; the processor
            // skips intact ones.
            .saveState(false)
            .dataSource(dataSource)
            .sql("SELECT file_stem FROM cape_declaration WHERE run_id = ? AND file_stem > ? AND file_stem <= ?"
                    + " ORDER BY file_stem")
            .queryArguments(run.id(), from, to)
            .rowMapper((rs, i) -> rs.getString(1))
            .build();
    }

    @Bean
    @StepScope
    public DeclarationRenderProcessor declarationRenderer(DataSource dataSource, CapeProperties properties,
            @Value(CapeJobConfiguration.RUN) CapeRun run) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // The run's recorded files, read once per partition: a query per declaration
        // costs more than its render.
        Map<String, ManifestFile> recorded = new OutputFiles(jdbc, run.id()).byPath();
        DeclarationRenderer renderer = new DeclarationRenderer(jdbc, run,
                path -> Optional.ofNullable(recorded.get(path)));
        return new DeclarationRenderProcessor(renderer);
    }

    @Bean
    @StepScope
    public OutputFileWriter outputFileWriter(DataSource dataSource, @Value(CapeJobConfiguration.RUN) CapeRun run) {
        return new OutputFileWriter(new OutputFiles(new JdbcTemplate(dataSource), run.id()));
    }

}
