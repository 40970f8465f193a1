package org.capebatch.declaration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.capebatch.assessment.AssessmentRows;
import org.capebatch.entry.EntryNumber;
import org.capebatch.jdbc.PgCopy;
import org.capebatch.rules.Assessment;
import org.capebatch.rules.EntryAssessor;
import org.capebatch.rules.LedgerVerdict;
import org.capebatch.run.CapeRun;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Assigns every eligible entry of the run to a declaration (SPEC §5: grouped, sorted,
 * split at max-entries) and records the assignment in the ledger's history of
 * declarations (cape_ledger), all in the step's single transaction: either the whole run
 * is declared or none of it, so a restart never finds half a ledger. The assignment is
 * deterministic (sorted by group, then entry number), so a re-run after a rollback gives
 * the same files. The entries count as declared (SPEC §3 check 13) only once the run's
 * files exist: {@link CompleteDeclarationsTasklet} records them after the render step.
 */
public class DeclareTasklet implements Tasklet {

    /**
     * What checks 13 and 14 fail on (LedgerVerdict), in SQL; RELEASED and RESUBMIT-failed
     * entries pass.
     */
    private static final String LEDGER_HOLDS = """
            (s.state IN ('DECLARED', 'ACCEPTED') OR (s.state = 'FAILED' AND s.error_class = 'HOLD'))
            """;

    /**
     * Read on a connection of its own, which does not see this transaction's
     * {@link #EXCLUDE} updates: the overtaken entries are left out here by the same
     * condition.
     */
    private static final String ELIGIBLE = """
            SELECT group_key, entry_number FROM cape_assessment a
             WHERE run_id = ? AND status = 'ELIGIBLE'
               AND NOT EXISTS (SELECT 1 FROM cape_entry_state s
                                WHERE s.entry_number = a.entry_number AND s.run_id <> a.run_id AND """ + LEDGER_HOLDS
            + """
                    ) ORDER BY group_key, entry_number
                    """;

    /**
     * Eligible entries of this run that the ledger holds, since the run assessed them, as
     * declared or held by another job instance: that instance completed a declaration of
     * them, or CBP's answer came in, while this run was FAILED. Checks 13 and 14 must see
     * them again, or the entry would be declared twice.
     */
    private static final String OVERTAKEN = "SELECT " + AssessmentRows.COLUMNS + """
            , s.state, s.cbp_error
             FROM cape_assessment a JOIN cape_entry_state s ON s.entry_number = a.entry_number
            WHERE a.run_id = ? AND a.status = 'ELIGIBLE' AND s.run_id <> a.run_id AND """ + LEDGER_HOLDS;

    private static final String EXCLUDE = """
            UPDATE cape_assessment
               SET status = 'EXCLUDED', reason = ?, reasons = ?, remedy = ?, deadline = NULL, urgent = false,
                   refund_deferred = false, interest = 0, refund_total = 0, rate_assumed = false, group_key = NULL
             WHERE run_id = ? AND entry_number = ?
            """;

    private static final int COPY_ROWS = 20_000;

    private final DataSource dataSource;

    private final JdbcTemplate jdbc;

    private final long runId;

    private final LocalDate runDate;

    private final int maxEntries;

    private final EntryAssessor assessor;

    public DeclareTasklet(DataSource dataSource, CapeRun run, int maxEntries, EntryAssessor assessor) {
        this.assessor = assessor;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.runId = run.id();
        this.runDate = run.runDate();
        this.maxEntries = maxEntries;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Integer done = jdbc.queryForObject("SELECT count(*) FROM cape_declaration WHERE run_id = ?", Integer.class,
                runId);
        if (done != null && done > 0) {
            return RepeatStatus.FINISHED;
        }
        excludeOvertaken();
        DeclarationSplitter splitter = new DeclarationSplitter(maxEntries, runDate);
        Map<String, DeclarationInfo> declarations = new LinkedHashMap<>();
        PgCopy ledger = new PgCopy("cape_ledger", "entry_number", "run_id", "declaration");
        long declared = 0;
        // A separate read-only connection streams the committed assessments while the
        // step's transaction
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
            jdbc.update(
                    "INSERT INTO cape_declaration (run_id, file_stem, group_key, sequence, entry_count)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    runId, d.getKey(), d.getValue().group, sequence, d.getValue().entries);
        }
        contribution.incrementWriteCount(declared);
        return RepeatStatus.FINISHED;
    }

    /**
     * Re-decides checks 13 and 14 for eligible entries the ledger overtook (see
     * {@link #OVERTAKEN}).
     */
    private void excludeOvertaken() {
        List<Object[]> updates = new ArrayList<>();
        jdbc.query(OVERTAKEN, rs -> {
            Assessment eligible = AssessmentRows.MAPPER.mapRow(rs, 0);
            LedgerVerdict verdict = LedgerVerdict.of(rs.getString(16), rs.getString(17));
            Assessment decided = assessor.overtakenByLedger(eligible, runDate, verdict);
            if (!decided.eligible()) {
                updates.add(new Object[] { decided.reason().name(), AssessmentRows.joinReasons(decided.reasons()),
                        decided.remedy().name(), runId, decided.entryNumber() });
            }
        }, runId);
        jdbc.batchUpdate(EXCLUDE, updates);
    }

    private static final class DeclarationInfo {

        final String group;

        int entries;

        DeclarationInfo(String group) {
            this.group = group;
        }

    }

}
