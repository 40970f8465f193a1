package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import org.capebatch.jobstore.MigratedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * After a bulk load the listener gives the planner fresh statistics, from the small
 * sample, and leaves the connection's settings as they were.
 */
class AnalyzeTablesListenerTest {

    @RegisterExtension
    static final MigratedStore store = new MigratedStore();

    @Test
    void afterStep_WhenTableBulkLoaded_ThenStatisticsFromSmallSampleAndConnectionUnchanged() throws Exception {
        // given: 20,000 assessments the planner knows nothing about yet
        store.jdbc().update("""
                INSERT INTO cape_assessment (run_id, entry_number, importer_number, status, reasons, remedy, urgent,
                                             refund_deferred, ieepa_duty, interest, refund_total, rate_assumed)
                SELECT 7, lpad(i::text, 11, '0'), 'IMP' || (i % 50), 'ELIGIBLE', 'NONE', 'NONE', false, false,
                       1, 0, 1, false
                  FROM generate_series(1, 20000) i
                """);
        try (Connection connection = store.dataSource().getConnection()) {
            SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
            JdbcTemplate jdbc = new JdbcTemplate(one);
            String before = jdbc.queryForObject("SHOW default_statistics_target", String.class);

            // when
            new AnalyzeTablesListener(jdbc, "cape_assessment").afterStep(null);

            // then
            assertThat(jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE relname = 'cape_assessment'",
                    Double.class))
                .isEqualTo(20_000.0);
            assertThat(jdbc.queryForObject("""
                    SELECT array_length(histogram_bounds::text::text[], 1) FROM pg_stats
                     WHERE tablename = 'cape_assessment' AND attname = 'entry_number'
                    """, Integer.class)).isEqualTo(AnalyzeTablesListener.STATISTICS_TARGET + 1);
            assertThat(jdbc.queryForObject("SHOW default_statistics_target", String.class)).isEqualTo(before);
            assertThat(connection.getAutoCommit()).isTrue();
        }
    }

}
