package org.capebatch.answers;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.capebatch.jdbc.PgCopy;
import org.capebatch.rules.CbpErrorClass;
import org.capebatch.rules.LedgerState;
import org.capebatch.rules.Remedy;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applies an import's staged rows to the ledger (SPEC §6.5) in one transaction: all of it
 * or none, so a kill at any point leaves either the ledger before the import or after it,
 * and the restart finishes the same way. Set-based: one cursor over the staged rows
 * joined with the entries' states, sorted by entry and then in import order (file, line),
 * folds each entry's rows through {@link LedgerTransitions}; the history rows and the
 * changed states go back with COPY, and one UPDATE applies the states. Memory holds one
 * entry's rows at a time.
 */
public class AnswersApplyTasklet implements Tasklet {

    private static final int COPY_ROWS = 20_000;

    private static final String ROWS = """
            SELECT r.file_index, r.line, r.entry_number, r.entry_as_written, r.claim_number, r.kind, r.cbp_status,
                   r.error_description, r.action, r.importer_number, r.refund_amount, r.interest_amount,
                   r.refund_number, r.refund_date, r.refund_status, r.message,
                   s.state, s.claim_number, s.cbp_error, s.error_class, s.remedy, s.refund_amount, s.interest_amount,
                   s.refund_number, s.refund_date, s.refund_status
              FROM cape_answer_staged r LEFT JOIN cape_entry_state s ON s.entry_number = r.entry_number
             WHERE r.import_id = ?
             ORDER BY r.entry_number NULLS LAST, r.file_index, r.line
            """;

    private static final String CHANGES_TABLE = """
            CREATE TEMPORARY TABLE cape_state_change (
                entry_number CHAR(11) PRIMARY KEY, state TEXT, claim_number TEXT, cbp_error TEXT, error_class TEXT,
                remedy TEXT, refund_amount NUMERIC(18,2), interest_amount NUMERIC(18,2), refund_number TEXT,
                refund_date DATE, refund_status TEXT) ON COMMIT DROP
            """;

    private static final String APPLY_CHANGES = """
            UPDATE cape_entry_state s
               SET state = c.state, claim_number = c.claim_number, cbp_error = c.cbp_error,
                   error_class = c.error_class, remedy = c.remedy, refund_amount = c.refund_amount,
                   interest_amount = c.interest_amount, refund_number = c.refund_number, refund_date = c.refund_date,
                   refund_status = c.refund_status, changed_by = ?
              FROM cape_state_change c
             WHERE s.entry_number = c.entry_number
            """;

    private final DataSource dataSource;

    private final JdbcTemplate jdbc;

    private final long importId;

    public AnswersApplyTasklet(DataSource dataSource, long importId) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.importId = importId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws SQLException {
        // Serialised with declaration runs completing their declarations and with other
        // imports: answers are
        // applied in the order they are imported (SPEC §6.5).
        jdbc.execute("LOCK TABLE cape_entry_state IN SHARE ROW EXCLUSIVE MODE");
        if (!Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM cape_answer_staged WHERE import_id = ?)", Boolean.class, importId))) {
            return RepeatStatus.FINISHED; // applied and committed before a crash, or
                                          // nothing to apply
        }
        Map<Integer, String> files = new HashMap<>();
        jdbc.query("SELECT file_index, source_file FROM cape_answer_file WHERE import_id = ?", rs -> {
            files.put(rs.getInt(1), rs.getString(2));
        }, importId);
        jdbc.execute(CHANGES_TABLE);
        Fold fold = new Fold(files);
        // A connection of its own streams the committed staged rows while the step's
        // connection takes the COPYs.
        try (Connection read = dataSource.getConnection()) {
            read.setAutoCommit(false);
            try (PreparedStatement ps = read.prepareStatement(ROWS)) {
                ps.setFetchSize(10_000);
                ps.setLong(1, importId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        fold.row(rs);
                    }
                }
            }
            finally {
                read.rollback();
            }
        }
        fold.finish();
        jdbc.update(APPLY_CHANGES, importId);
        jdbc.update("DELETE FROM cape_answer_staged WHERE import_id = ?", importId);
        contribution.incrementReadCount();
        contribution.incrementWriteCount(fold.rows);
        return RepeatStatus.FINISHED;
    }

    /**
     * Folds the rows of one entry at a time through the state machine, writing history
     * and final states.
     */
    private final class Fold {

        private final Map<Integer, String> files;

        private final PgCopy history = new PgCopy("cape_answer", "import_id", "file_index", "line", "source_file",
                "entry_number", "claim_number", "kind", "cbp_status", "error_description", "outcome", "message",
                "from_state", "to_state");

        private final PgCopy changes = new PgCopy("cape_state_change", "entry_number", "state", "claim_number",
                "cbp_error", "error_class", "remedy", "refund_amount", "interest_amount", "refund_number",
                "refund_date", "refund_status");

        private String entry;

        private LedgerEntry original;

        private LedgerEntry current;

        /**
         * Where the entry was last seen in each file, for "the same entry twice in one
         * file".
         */
        private final Map<Integer, Long> seenInFile = new HashMap<>();

        long rows;

        Fold(Map<Integer, String> files) {
            this.files = files;
        }

        void row(ResultSet rs) throws SQLException {
            String number = rs.getString(3);
            if (number == null || !number.equals(entry)) {
                finishEntry();
                entry = number;
                original = number == null ? null : ledgerEntry(rs);
                current = original;
                seenInFile.clear();
            }
            int fileIndex = rs.getInt(1);
            long line = rs.getLong(2);
            AnswerRow row = answerRow(rs);
            Transition t = LedgerTransitions.apply(current, row);
            current = t.after();
            String message = t.message();
            Long earlier = number == null ? null : seenInFile.put(fileIndex, line);
            if (earlier != null) {
                message += " (entry also on line " + earlier + " of this file)";
            }
            history.add(importId)
                .add(fileIndex)
                .add(line)
                .add(files.get(fileIndex))
                .add(number != null ? number : row.entryAsWritten())
                .add(row.claimNumber())
                .add(row.kind())
                .add(row.cbpStatus())
                .add(row.errorDescription())
                .add(t.outcome())
                .add(message)
                .add(t.before() == null ? null : t.before().state())
                .add(t.after() == null ? null : t.after().state())
                .endRow();
            rows++;
            flushIfFull(history);
        }

        void finish() {
            finishEntry();
            history.flush(dataSource);
            changes.flush(dataSource);
        }

        private void finishEntry() {
            if (entry != null && current != null && !current.equals(original)) {
                changes.add(entry)
                    .add(current.state())
                    .add(current.claimNumber())
                    .add(current.cbpError())
                    .add(current.errorClass())
                    .add(current.remedy())
                    .add(current.refundAmount())
                    .add(current.interestAmount())
                    .add(current.refundNumber())
                    .add(current.refundDate())
                    .add(current.refundStatus())
                    .endRow();
                flushIfFull(changes);
            }
        }

        private void flushIfFull(PgCopy copy) {
            if (copy.rows() >= COPY_ROWS) {
                copy.flush(dataSource);
            }
        }

    }

    private static LedgerEntry ledgerEntry(ResultSet rs) throws SQLException {
        String state = rs.getString(17);
        if (state == null) {
            return null;
        }
        String errorClass = rs.getString(20);
        String remedy = rs.getString(21);
        return new LedgerEntry(LedgerState.valueOf(state), rs.getString(18), rs.getString(19),
                errorClass == null ? null : CbpErrorClass.valueOf(errorClass),
                remedy == null ? null : Remedy.valueOf(remedy), rs.getBigDecimal(22), rs.getBigDecimal(23),
                rs.getString(24), rs.getObject(25, LocalDate.class), rs.getString(26));
    }

    private static AnswerRow answerRow(ResultSet rs) throws SQLException {
        String action = rs.getString(9);
        return new AnswerRow(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                AnswerKind.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                action == null ? null : AnswerAction.valueOf(action), rs.getString(10), money(rs, 11), money(rs, 12),
                rs.getString(13), rs.getObject(14, LocalDate.class), rs.getString(15), rs.getString(16));
    }

    private static BigDecimal money(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.setScale(2);
    }

}
