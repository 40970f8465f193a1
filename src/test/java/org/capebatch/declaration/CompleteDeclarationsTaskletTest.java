package org.capebatch.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.capebatch.jobstore.MigratedStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's states after a run's files exist (SPEC §6.5) on a real PostgreSQL: new
 * entries become DECLARED, released ones start afresh, entries the run only assessed
 * point to its assessment, and a second execution changes nothing.
 */
class CompleteDeclarationsTaskletTest {

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 12, 1);

    @RegisterExtension
    static final MigratedStore store = new MigratedStore();

    @BeforeEach
    void clean() {
        store.jdbc().execute("TRUNCATE cape_assessment, cape_ledger, cape_entry_state");
    }

    @Test
    void complete_WhenFirstRunOfTheStore_ThenEveryLedgerEntryDeclared() {
        // given
        assessed(1, "AAA00000001", "IMP-1", "ELIGIBLE");
        assessed(1, "AAA00000002", "IMP-2", "ELIGIBLE");
        assessed(1, "AAA00000003", "IMP-3", "EXCLUDED");
        ledger(1, "AAA00000001", "CAPE_IMP1_20261201_001");
        ledger(1, "AAA00000002", "CAPE_IMP2_20261201_001");

        // when
        long declared = complete(1);

        // then
        assertThat(declared).isEqualTo(2);
        assertThat(state("AAA00000001")).containsEntry("state", "DECLARED")
            .containsEntry("run_id", 1L)
            .containsEntry("declaration", "CAPE_IMP1_20261201_001")
            .containsEntry("declared_on", java.sql.Date.valueOf(RUN_DATE))
            .containsEntry("importer_number", "IMP-1")
            .containsEntry("assessed_run_id", 1L)
            .containsEntry("changed_by", 1L);
        assertThat(store.jdbc().queryForObject("SELECT count(*) FROM cape_entry_state", Long.class)).isEqualTo(2);
    }

    @Test
    void complete_WhenLaterRun_ThenReleasedStartAfreshAssessedPointToItAndOthersUntouched() {
        // given: run 1 declared four entries; CBP released one (with a claim and error
        // recorded), accepted one
        for (String entry : new String[] { "BBB00000001", "BBB00000002", "BBB00000003", "BBB00000004" }) {
            assessed(1, entry, "OLD", "ELIGIBLE");
            ledger(1, entry, "CAPE_OLD_20261130_001");
        }
        complete(1);
        store.jdbc().update("""
                UPDATE cape_entry_state SET state = 'RELEASED', claim_number = 'C1', cbp_error = 'X',
                       error_class = 'RESUBMIT', changed_by = 9 WHERE entry_number = 'BBB00000002'
                """);
        store.jdbc()
            .update("UPDATE cape_entry_state SET state = 'ACCEPTED', claim_number = 'C2' WHERE entry_number = ?",
                    "BBB00000003");
        // run 2 assesses three of them again: declares the released one and a new one,
        // the accepted one is excluded
        assessed(2, "BBB00000002", "NEW", "ELIGIBLE");
        assessed(2, "BBB00000003", "NEW", "EXCLUDED");
        assessed(2, "BBB00000009", "NEW", "ELIGIBLE");
        ledger(2, "BBB00000002", "CAPE_NEW_20261201_001");
        ledger(2, "BBB00000009", "CAPE_NEW_20261201_001");

        // when
        long declared = complete(2);
        long again = complete(2);

        // then
        assertThat(declared).isEqualTo(2);
        assertThat(again).isZero();
        assertThat(state("BBB00000002")).containsEntry("state", "DECLARED")
            .containsEntry("run_id", 2L)
            .containsEntry("declaration", "CAPE_NEW_20261201_001")
            .containsEntry("importer_number", "NEW")
            .containsEntry("claim_number", null)
            .containsEntry("cbp_error", null)
            .containsEntry("error_class", null)
            .containsEntry("assessed_run_id", 2L)
            .containsEntry("changed_by", 2L);
        assertThat(state("BBB00000009")).containsEntry("state", "DECLARED").containsEntry("run_id", 2L);
        assertThat(state("BBB00000003")).containsEntry("state", "ACCEPTED")
            .containsEntry("run_id", 1L)
            .containsEntry("claim_number", "C2")
            .containsEntry("assessed_run_id", 2L);
        assertThat(state("BBB00000001")).containsEntry("state", "DECLARED").containsEntry("assessed_run_id", 1L);
        assertThat(state("BBB00000004")).containsEntry("assessed_run_id", 1L);
    }

    @Test
    void complete_WhenAnotherRunDeclaredAnEntryMeanwhile_ThenRefusedAndNothingRecorded() {
        // given
        assessed(3, "CCC00000001", "X", "ELIGIBLE");
        ledger(3, "CCC00000001", "CAPE_X_20261130_001");
        complete(3);
        assessed(4, "CCC00000001", "X", "ELIGIBLE");
        assessed(4, "CCC00000002", "X", "ELIGIBLE");
        ledger(4, "CCC00000001", "CAPE_X_20261201_001");
        ledger(4, "CCC00000002", "CAPE_X_20261201_001");

        // when / then
        assertThatThrownBy(() -> complete(4)).hasMessageContaining("were declared by job instance 3");
        assertThat(store.jdbc().queryForObject("SELECT count(*) FROM cape_entry_state WHERE run_id = 4", Long.class))
            .isZero();
    }

    private static void assessed(long runId, String entry, String importer, String status) {
        store.jdbc().update("""
                INSERT INTO cape_assessment (run_id, entry_number, importer_number, entry_type, status, reason, reasons,
                                             remedy, urgent, refund_deferred, ieepa_duty, interest, refund_total,
                                             rate_assumed)
                VALUES (?, ?, ?, '01', ?, NULL, '', 'FILE_CAPE', false, false, 1, 0, 1, false)
                """, runId, entry, importer, status);
    }

    private static void ledger(long runId, String entry, String declaration) {
        store.jdbc()
            .update("INSERT INTO cape_ledger (entry_number, run_id, declaration) VALUES (?, ?, ?)", entry, runId,
                    declaration);
    }

    private static Map<String, Object> state(String entry) {
        return store.jdbc().queryForMap("SELECT * FROM cape_entry_state WHERE entry_number = ?", entry);
    }

    /** Runs the tasklet in a transaction, as the step does; returns entries declared. */
    private static long complete(long runId) {
        JobExecution job = new JobExecution(runId * 10, new JobInstance(runId, "capeDeclarationJob"),
                new JobParameters());
        StepContribution contribution = new StepContribution(
                new StepExecution(runId * 100, "completeDeclarationsStep", job));
        new TransactionTemplate(new DataSourceTransactionManager(store.dataSource())).executeWithoutResult(
                status -> new CompleteDeclarationsTasklet(new JdbcTemplate(store.dataSource()), runId, RUN_DATE)
                    .execute(contribution, null));
        return contribution.getWriteCount();
    }

}
