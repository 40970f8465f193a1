package org.capebatch.declaration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.capebatch.entry.EntryNumber;
import org.capebatch.jdbc.PgCopy;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Assigns every eligible entry of the run to a declaration (SPEC §5: grouped, sorted, split at max-entries) and
 * records the assignment in the ledger, all in the step's single transaction: either the whole run is declared or
 * none of it, so a restart never finds half a ledger. The assignment is deterministic (sorted by group, then entry
 * number), so a re-run after a rollback gives the same files.
 */
public class DeclareTasklet implements Tasklet {

    private static final String ELIGIBLE = """
            SELECT group_key, entry_number FROM cape_assessment a
             WHERE run_id = ? AND status = 'ELIGIBLE'
               AND NOT EXISTS (SELECT 1 FROM cape_ledger l
                                WHERE l.entry_number = a.entry_number AND l.run_id <> a.run_id)
             ORDER BY group_key, entry_number
            """;
    /**
     * An entry assessed ELIGIBLE may have been declared by another job instance since (that instance ran while
     * this one was FAILED, or at the same time). It is now ALREADY_DECLARED (SPEC §3 check 13, the only check it
     * fails, so reason and reasons are that one, remedy NONE) with the money of an excluded entry (SPEC §4).
     * Without this the ledger's primary key would fail every restart of this run.
     */
    private static final String DECLARED_SINCE = """
            UPDATE cape_assessment a
               SET status = 'EXCLUDED', reason = 'ALREADY_DECLARED', reasons = 'ALREADY_DECLARED', remedy = 'NONE',
                   deadline = NULL, urgent = false, refund_deferred = false, interest = 0, refund_total = 0,
                   rate_assumed = false, group_key = NULL
             WHERE a.run_id = ? AND a.status = 'ELIGIBLE'
               AND EXISTS (SELECT 1 FROM cape_ledger l WHERE l.entry_number = a.entry_number AND l.run_id <> a.run_id)
            """;
    private static final int COPY_ROWS = 20_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final long runId;
    private final LocalDate runDate;
    private final int maxEntries;

    public DeclareTasklet(DataSource dataSource, long runId, LocalDate runDate, int maxEntries) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.runId = runId;
        this.runDate = runDate;
        this.maxEntries = maxEntries;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Integer done = jdbc.queryForObject("SELECT count(*) FROM cape_declaration WHERE run_id = ?", Integer.class,
                runId);
        if (done != null && done > 0) {
            return RepeatStatus.FINISHED;
        }
        jdbc.update(DECLARED_SINCE, runId);
        DeclarationSplitter splitter = new DeclarationSplitter(maxEntries, runDate);
        Map<String, DeclarationInfo> declarations = new LinkedHashMap<>();
        PgCopy ledger = new PgCopy("cape_ledger", "entry_number", "run_id", "declaration");
        long declared = 0;
        // A separate read-only connection streams the committed assessments while the step's transaction
        // connection receives the ledger rows.
        try (Connection read = dataSource.getConnection()) {
            read.setAutoCommit(false);
            try (PreparedStatement ps = read.prepareStatement(ELIGIBLE)) {
                ps.setFetchSize(10_000);
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String group = rs.getString(1);
                        String entry = rs.getString(2);
                        String stem = splitter.assign(group, new EntryNumber(entry));
                        declarations.computeIfAbsent(stem, s -> new DeclarationInfo(group)).entries++;
                        ledger.add(entry).add(runId).add(stem).endRow();
                        if (ledger.rows() >= COPY_ROWS) {
                            ledger.flush(dataSource);
                        }
                        declared++;
                    }
                }
            }
            read.rollback();
        }
        ledger.flush(dataSource);
        Map<String, Integer> sequenceInGroup = new LinkedHashMap<>();
        for (Map.Entry<String, DeclarationInfo> d : declarations.entrySet()) {
            int sequence = sequenceInGroup.merge(d.getValue().group, 1, Integer::sum);
            jdbc.update("INSERT INTO cape_declaration (run_id, file_stem, group_key, sequence, entry_count)"
                    + " VALUES (?, ?, ?, ?, ?)", runId, d.getKey(), d.getValue().group, sequence, d.getValue().entries);
        }
        contribution.incrementWriteCount(declared);
        return RepeatStatus.FINISHED;
    }

    private static final class DeclarationInfo {
        final String group;
        int entries;

        DeclarationInfo(String group) {
            this.group = group;
        }
    }
}
