package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * Transient database errors are retried inside the step (issue "Broker scale": connection
 * reset, serialization failure): PostgreSQL itself raises them, once, from a trigger, and
 * the run still completes with every entry assessed exactly once. A permanent error is
 * not retried: the run fails.
 */
class CapeJobRetryTest extends JobTestSupport {

    @AfterEach
    void dropFailOnce() {
        for (String table : CAPE_TABLES) {
            jdbc.execute("DROP TRIGGER IF EXISTS cape_test_fail_once ON " + table);
        }
        jdbc.execute("DROP FUNCTION IF EXISTS cape_test_fail_once()");
        jdbc.execute("DROP SEQUENCE IF EXISTS cape_test_failures");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({ "40001, cape_assessment", // serialization_failure
            "40P01, cape_staged_fragment", // deadlock_detected
            "08006, cape_assessment", // connection_failure
    })
    void run_WhenDatabaseFailsTransientlyOnce_ThenRetriedAndCompleted(String sqlState, String table) throws Exception {
        // given: the first insert into the table fails with the SQLState; a sequence
        // survives the rollback
        failOnce(table, sqlState);
        // when
        JobExecution execution = run(sample("es003-sample.csv"), "2026-11-30");
        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("SELECT last_value FROM cape_test_failures")).as("failed once, then inserted")
            .isGreaterThan(1);
        long entries = count("SELECT count(DISTINCT entry_number) FROM cape_staged_fragment");
        assertThat(count("SELECT count(*) FROM cape_assessment")).isEqualTo(entries);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource("23514, cape_assessment") // check_violation: the data is wrong, a retry
                                         // cannot help
    void run_WhenDatabaseFailsPermanently_ThenFailed(String sqlState, String table) throws Exception {
        failOnce(table, sqlState);
        JobExecution execution = run(sample("es003-sample.csv"), "2026-11-30");
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
    }

    private void failOnce(String table, String sqlState) {
        jdbc.execute("CREATE SEQUENCE cape_test_failures");
        jdbc.execute("""
                CREATE FUNCTION cape_test_fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF nextval('cape_test_failures') = 1 THEN
                        RAISE EXCEPTION 'test: transient failure' USING ERRCODE = TG_ARGV[0];
                    END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER cape_test_fail_once BEFORE INSERT ON " + table
                + " FOR EACH ROW EXECUTE FUNCTION cape_test_fail_once('" + sqlState + "')");
    }

}
