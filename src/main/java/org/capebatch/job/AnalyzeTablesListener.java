package org.capebatch.job;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refreshes PostgreSQL's statistics of tables a step has just bulk-loaded, so the next
 * step's queries use the indexes instead of planning for an empty table (without it,
 * rendering each declaration scanned the ledger).
 */
public class AnalyzeTablesListener implements StepExecutionListener {

    private final JdbcTemplate jdbc;

    private final String[] tables;

    public AnalyzeTablesListener(JdbcTemplate jdbc, String... tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        for (String table : tables) {
            jdbc.execute("ANALYZE " + table);
        }
        return null;
    }

}
