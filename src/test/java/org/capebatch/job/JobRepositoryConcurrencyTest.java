package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The declaration job starts two steps at once (completeDeclarations beside report), so
 * the job repository creates their step executions concurrently. At Spring Batch's
 * default isolation for creating (SERIALIZABLE) PostgreSQL may cancel one of the two
 * ("could not serialize access due to read/write dependencies among transactions"), which
 * failed a run against a PostgreSQL 15 server in CI. Creating runs at READ COMMITTED
 * instead (application.yml); a job instance is still launched once at a time (the
 * runner's advisory lock, Spring Batch's unique job key).
 */
class JobRepositoryConcurrencyTest extends JobTestSupport {

    @AfterEach
    void dropProbe() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_isolation_probe ON batch_step_execution");
        jdbc.execute("DROP FUNCTION IF EXISTS test_isolation_probe()");
        jdbc.execute("DROP TABLE IF EXISTS test_isolation_seen");
    }

    @Test
    void createStepExecution_WhenTwoStepsOfOneExecutionStartTogether_ThenBothCreatedAtReadCommitted() throws Exception {
        // given: the isolation of every transaction that inserts a step execution is
        // recorded by the database itself
        jdbc.execute("CREATE TABLE test_isolation_seen (step_name text, isolation text)");
        jdbc.execute("""
                CREATE FUNCTION test_isolation_probe() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO test_isolation_seen VALUES (NEW.step_name, current_setting('transaction_isolation'));
                    RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER test_isolation_probe BEFORE INSERT ON batch_step_execution"
                + " FOR EACH ROW EXECUTE FUNCTION test_isolation_probe()");
        JobParameters parameters = new JobParametersBuilder().addString("probe", String.valueOf(System.nanoTime()))
            .toJobParameters();
        JobInstance instance = jobRepository.createJobInstance("concurrentStepsProbe", parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<StepExecution> created = new ArrayList<>();
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<StepExecution>> steps = new ArrayList<>();
            for (String step : List.of("completeDeclarationsStep", "reportStep")) {
                steps.add(threads.submit(() -> {
                    together.await();
                    return jobRepository.createStepExecution(step, execution);
                }));
            }

            // when
            for (Future<StepExecution> step : steps) {
                created.add(step.get());
            }
        }
        finally {
            threads.shutdownNow();
        }

        // then
        assertThat(created).extracting(StepExecution::getStepName)
            .containsExactly("completeDeclarationsStep", "reportStep");
        assertThat(jdbc.queryForList("SELECT isolation FROM test_isolation_seen ORDER BY step_name", String.class))
            .containsExactly("read committed", "read committed");
    }

}
