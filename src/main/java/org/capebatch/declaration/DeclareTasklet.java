package org.capebatch.declaration;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.capebatch.assessment.AssessmentRows;
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
     * The whole assignment as one statement (SPEC §5): the eligible entries of each group
     * numbered in entry-number order, split every max-entries into sequences 1, 2, ...,
     * written to the ledger (in declaration order, which keeps the declaration index
     * append-only) and summed up per declaration. Entry numbers compare with
     * {@code COLLATE "C"}, byte order, which for these ASCII strings is Java's
     * {@code String.compareTo} (DeclarationSplitter's order): the split is the same
     * whatever collation the database was created with (partitions need only equality,
     * which every collation of a database default agrees on). The file stem is built here
     * as {@link DeclarationGroups#fileStem} builds it ({@code %03d}: at least three
     * digits) and checked against it for every declaration returned. Entries the ledger
     * holds for another run (overtaken, see {@link #OVERTAKEN}) are left out by the same
     * condition whether or not re-deciding them excluded them.
     */
    private static final String DECLARE = """
            WITH assigned AS (
                SELECT a.entry_number, coalesce(a.group_key, '') AS group_key,
                       (row_number() OVER (PARTITION BY a.group_key ORDER BY a.entry_number COLLATE "C") - 1)
                           / ? + 1 AS sequence
                  FROM cape_assessment a
                 WHERE a.run_id = ? AND a.status = 'ELIGIBLE'
                   AND NOT EXISTS (SELECT 1 FROM cape_entry_state s
                                    WHERE s.entry_number = a.entry_number AND s.run_id <> a.run_id AND """
            + LEDGER_HOLDS
            + """
                            )
                    ), stemmed AS MATERIALIZED (
                        SELECT entry_number, group_key, sequence,
                               'CAPE_' || group_key || ? || CASE WHEN sequence < 1000 THEN lpad(sequence::text, 3, '0')
                                                                 ELSE sequence::text END AS file_stem
                          FROM assigned
                    ), ledger AS (
                        INSERT INTO cape_ledger (entry_number, run_id, declaration)
                        SELECT entry_number, ?, file_stem FROM stemmed
                    )
                    INSERT INTO cape_declaration (run_id, file_stem, group_key, sequence, entry_count)
                    SELECT ?, file_stem, group_key, sequence, count(*) FROM stemmed GROUP BY file_stem, group_key, sequence
                    RETURNING file_stem, group_key, sequence, entry_count
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

    private final JdbcTemplate jdbc;

    private final long runId;

    private final LocalDate runDate;

    private final int maxEntries;

    private final EntryAssessor assessor;

    public DeclareTasklet(DataSource dataSource, CapeRun run, int maxEntries, EntryAssessor assessor) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("max entries per declaration must be at least 1: " + maxEntries);
        }
        this.assessor = assessor;
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
        String dateInStem = "_" + runDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "_";
        long declared = 0;
        for (Declared d : jdbc.query(DECLARE,
                (rs, i) -> new Declared(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)), maxEntries,
                runId, dateInStem, runId, runId)) {
            // A group key that cannot be part of a file name, or a stem SQL spelled
            // differently from Java, fails the step here and rolls the whole assignment
            // back.
            String expected = DeclarationGroups.fileStem(d.groupKey(), runDate, d.sequence());
            if (!expected.equals(d.fileStem())) {
                throw new IllegalStateException("declaration " + d.fileStem() + " should be named " + expected);
            }
            declared += d.entries();
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

    /** A declaration as the statement wrote it. */
    private record Declared(String fileStem, String groupKey, int sequence, int entries) {
    }

}
