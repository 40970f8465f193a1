package org.capebatch.job;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;

import javax.sql.DataSource;

import org.capebatch.CapeBatchApplication;
import org.capebatch.declaration.GroupBy;
import org.capebatch.remote.RemotePartitionLocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the job's functional tests: one Spring context (cached by the test framework,
 * so every subclass shares it and its embedded PostgreSQL under {@code target/}), a clean
 * job store before each test (business tables and Spring Batch metadata), and an output
 * directory of the test's own.
 */
@SpringBootTest(classes = CapeBatchApplication.class, properties = { "cape.job.run-on-startup=false",
        "cape.work-dir=target/job-test-store", "cape.job.grid-size=2", "cape.job.progress-interval=1h" })
abstract class JobTestSupport {

    static final String[] CAPE_TABLES = { "cape_input_file", "cape_input_part", "cape_staged_fragment",
            "cape_rejected_row", "cape_assessment", "cape_declaration", "cape_ledger", "cape_output_file",
            "cape_entry_state", "cape_answer_file", "cape_answer_staged", "cape_answer", "cape_input_fingerprint" };

    @Autowired
    JobOperator jobOperator;

    @Autowired
    @Qualifier("capeDeclarationJob")
    Job job;

    @Autowired
    CapeProperties properties;

    @Autowired
    DataSource dataSource;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    ObjectProvider<RemotePartitionLocks> partitionLocks;

    @Autowired
    RunMetrics runMetrics;

    @Autowired
    RunMetricsPusher metricsPusher;

    JdbcTemplate jdbc;

    @TempDir
    Path tempDir;

    Path outputDir;

    @BeforeEach
    void cleanStoreAndProperties() {
        jdbc = new JdbcTemplate(dataSource);
        truncateAll();
        // CapeProperties is a singleton read by step-scoped beans at step start: reset
        // what tests change.
        outputDir = tempDir.resolve("out");
        properties.setOutputDir(outputDir);
        properties.getDeclaration().setGroupBy(GroupBy.IMPORTER);
        properties.getDeclaration().setMaxEntries(9999);
        properties.getDeclarant().setFilerCodes(new LinkedHashSet<>());
        properties.getDeclarant().setImporters(new LinkedHashSet<>());
        properties.getJob().setSkipLimit(100);
        properties.getJob().setImportBatchRows(2000);
    }

    /**
     * The runner the application starts for a run, with the context's beans; its one-line
     * errors go to {@code stderr}.
     */
    CapeJobRunner runner(OutputStream stderr) {
        return runner(metricsPusher, stderr);
    }

    CapeJobRunner runner(RunMetricsPusher pusher, OutputStream stderr) {
        return new CapeJobRunner(jobOperator, jobRepository, job, dataSource, partitionLocks, properties, runMetrics,
                pusher, new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    /**
     * Makes the database itself fail, with no hook in the product: a trigger raises an
     * exception when a row whose {@code column} is {@code value} is inserted into
     * {@code table} (COPY fires row triggers too).
     */
    void failOnInsert(String table, String column, String value) {
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION cape_test_failure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF to_jsonb(NEW) ->> TG_ARGV[0] = TG_ARGV[1] THEN
                        RAISE EXCEPTION 'test failure: % = %', TG_ARGV[0], TG_ARGV[1];
                    END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER cape_test_failure BEFORE INSERT ON " + table
                + " FOR EACH ROW EXECUTE FUNCTION cape_test_failure('" + column + "', '" + value + "')");
    }

    @AfterEach
    void dropFailures() {
        for (String table : CAPE_TABLES) {
            jdbc.execute("DROP TRIGGER IF EXISTS cape_test_failure ON " + table);
        }
        jdbc.execute("DROP FUNCTION IF EXISTS cape_test_failure()");
    }

    /**
     * Forgets every run: the ledger of one run must not make entries ALREADY_DECLARED in
     * the next test.
     */
    void truncateAll() {
        jdbc.execute("TRUNCATE " + String.join(", ", CAPE_TABLES) + ", BATCH_JOB_INSTANCE CASCADE");
    }

    JobExecution run(Path input, String runDate) throws Exception {
        return jobOperator.start(job,
                new JobParametersBuilder().addString(RunParameters.INPUT, input.toString())
                    .addString(RunParameters.RUN_DATE, runDate)
                    .toJobParameters());
    }

    long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /**
     * Rows staged and kept by assembly: the "used" side of rows_read = used + rejected
     * (SPEC §2).
     */
    long usedRows(JobExecution execution) {
        return count("""
                SELECT (SELECT coalesce(sum(row_count), 0) FROM cape_staged_fragment WHERE run_id = ?)
                     - (SELECT count(*) FROM (SELECT DISTINCT file_index, line FROM cape_rejected_row
                                               WHERE run_id = ? AND entry_number IS NOT NULL) r)
                """, execution.getJobInstance().getInstanceId(), execution.getJobInstance().getInstanceId());
    }

    static Path fixture(String name) {
        try {
            return Path.of(JobTestSupport.class.getResource("/fixtures/job/" + name).toURI());
        }
        catch (Exception e) {
            throw new IllegalStateException("fixture not found: " + name, e);
        }
    }

    static Path sample(String name) {
        return Path.of("sample", name).toAbsolutePath();
    }

}
