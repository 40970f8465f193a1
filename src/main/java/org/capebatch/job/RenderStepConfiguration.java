package org.capebatch.job;

import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.capebatch.declaration.DeclarationRenderer;
import org.capebatch.report.ManifestFile;
import org.capebatch.report.OutputFiles;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The render step: one item per declaration, rendered to CSV and XLSX and recorded with its hash in the same
 * commit, so a restart resumes after the last declaration whose files are known to be complete.
 */
@Configuration(proxyBeanMethods = false)
public class RenderStepConfiguration {

    @Bean
    public Step renderStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcCursorItemReader<String> declarationReader, ItemProcessor<String, List<ManifestFile>> declarationRenderer,
            ItemWriter<List<ManifestFile>> outputFileWriter) {
        return new StepBuilder("renderStep", jobRepository)
                .<String, List<ManifestFile>>chunk(1)
                .transactionManager(transactionManager)
                .reader(declarationReader)
                .processor(declarationRenderer)
                .writer(outputFileWriter)
                .build();
    }

    @Bean
    @StepScope
    public JdbcCursorItemReader<String> declarationReader(DataSource dataSource,
            @Value(CapeJobConfiguration.RUN_ID) long runId) {
        return new JdbcCursorItemReaderBuilder<String>()
                .name("declarationReader")
                .dataSource(dataSource)
                .sql("SELECT file_stem FROM cape_declaration WHERE run_id = ? ORDER BY file_stem")
                .queryArguments(runId)
                .rowMapper((rs, i) -> rs.getString(1))
                .build();
    }

    @Bean
    @StepScope
    public ItemProcessor<String, List<ManifestFile>> declarationRenderer(DataSource dataSource,
            CapeProperties properties, @Value(CapeJobConfiguration.RUN_ID) long runId,
            @Value("#{jobParameters['runDate']}") String runDate, Progress progress) {
        DeclarationRenderer renderer = new DeclarationRenderer(new JdbcTemplate(dataSource), runId,
                LocalDate.parse(runDate), properties.getOutputDir());
        return stem -> {
            List<ManifestFile> files = renderer.render(stem);
            progress.add("render", "declarations", 1);
            return files;
        };
    }

    @Bean
    @StepScope
    public ItemWriter<List<ManifestFile>> outputFileWriter(DataSource dataSource,
            @Value(CapeJobConfiguration.RUN_ID) long runId) {
        OutputFiles outputFiles = new OutputFiles(new JdbcTemplate(dataSource), runId);
        return chunk -> chunk.forEach(files -> files.forEach(outputFiles::record));
    }
}
