package org.capebatch.declaration;

import java.time.LocalDate;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs after the render step: the run's declarations now exist as files, so their entries
 * become DECLARED in the ledger (SPEC §6.5) and count for check 13 from now on. Until
 * then they do not: a run that fails for good after its declare step (render cannot
 * write) leaves no declared entry behind, and a later run declares them (issue 7). A
 * re-declared entry's state starts afresh (no claim, no error, no refund); its old
 * declaration stays in the history (cape_ledger). One transaction, with the ledger's
 * state table locked against a concurrent answers import or completion; a re-run after a
 * crash changes nothing more.
 */
public class CompleteDeclarationsTasklet implements Tasklet {

    private static final String CONFLICTS = """
            SELECT count(*), min(l.entry_number), min(s.run_id)
              FROM cape_ledger l JOIN cape_entry_state s ON s.entry_number = l.entry_number
             WHERE l.run_id = ? AND s.run_id <> l.run_id AND s.state <> 'RELEASED'
            """;

    /**
     * Entries declared before, by another run, start afresh on this run's declaration.
     * They are RELEASED (CONFLICTS refused the rest), which the state index finds at
     * once: a run whose entries were never released pays nothing here.
     */
    private static final String REDECLARE = """
            UPDATE cape_entry_state s
               SET state = 'DECLARED', run_id = l.run_id, declaration = l.declaration, declared_on = ?,
                   importer_number = (SELECT a.importer_number FROM cape_assessment a
                                       WHERE a.run_id = l.run_id AND a.entry_number = l.entry_number),
                   claim_number = NULL, cbp_error = NULL, error_class = NULL, remedy = NULL, refund_amount = NULL,
                   interest_amount = NULL, refund_number = NULL, refund_date = NULL, refund_status = NULL,
                   assessed_run_id = l.run_id, changed_by = l.run_id
              FROM cape_ledger l
             WHERE s.state = 'RELEASED' AND l.run_id = ? AND l.entry_number = s.entry_number AND s.run_id <> l.run_id
            """;

    /**
     * Entries on no declaration before. {@code DO NOTHING} skips the entries REDECLARE
     * just updated and, on a re-run after a crash, every entry. Not {@code NOT EXISTS}: a
     * subquery on the table being filled may be planned as a scan of it per row, and an
     * empty state table (after a vacuum) invites exactly that plan.
     */
    private static final String DECLARE = """
            INSERT INTO cape_entry_state (entry_number, state, run_id, declaration, declared_on, importer_number,
                                          assessed_run_id, changed_by)
            SELECT l.entry_number, 'DECLARED', l.run_id, l.declaration, ?, a.importer_number, l.run_id, l.run_id
              FROM cape_ledger l JOIN cape_assessment a ON a.run_id = l.run_id AND a.entry_number = l.entry_number
             WHERE l.run_id = ?
            ON CONFLICT (entry_number) DO NOTHING
            """;

    /**
     * Whether any entry in the state table could have been assessed by this run without
     * being declared by it: none on a first run, which then skips {@link #ASSESSED}'s
     * join of every assessment.
     */
    private static final String OLDER_STATES = """
            SELECT EXISTS (SELECT 1 FROM cape_entry_state WHERE assessed_run_id < ?)
            """;

    /**
     * entry-status.csv shows deadline and urgency of an entry's latest assessment (SPEC
     * §6.6).
     */
    private static final String ASSESSED = """
            UPDATE cape_entry_state s SET assessed_run_id = a.run_id
              FROM cape_assessment a
             WHERE a.run_id = ? AND a.entry_number = s.entry_number AND s.assessed_run_id < a.run_id
            """;

    private final JdbcTemplate jdbc;

    private final long runId;

    private final LocalDate runDate;

    public CompleteDeclarationsTasklet(JdbcTemplate jdbc, long runId, LocalDate runDate) {
        this.jdbc = jdbc;
        this.runId = runId;
        this.runDate = runDate;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        jdbc.execute("LOCK TABLE cape_entry_state IN SHARE ROW EXCLUSIVE MODE");
        // The declare step re-decided entries that other runs had declared before it;
        // only a run completing its
        // declarations between this run's declare step and now can still collide. Its
        // files hold the entries
        // already: say so rather than record them twice.
        jdbc.query(CONFLICTS, rs -> {
            long conflicts = rs.getLong(1);
            if (conflicts > 0) {
                throw new IllegalStateException(conflicts + " entries of this run's declarations (first "
                        + rs.getString(2) + ") were declared by job instance " + rs.getLong(3)
                        + " while this run was rendering; do not upload this run's declaration files that hold them");
            }
        }, runId);
        int declared = jdbc.update(REDECLARE, runDate, runId) + jdbc.update(DECLARE, runDate, runId);
        if (Boolean.TRUE.equals(jdbc.queryForObject(OLDER_STATES, Boolean.class, runId))) {
            jdbc.update(ASSESSED, runId);
        }
        contribution.incrementWriteCount(declared);
        return RepeatStatus.FINISHED;
    }

}
