package org.capebatch.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.ImporterType;
import org.capebatch.jobstore.MigratedStore;
import org.capebatch.refund.RateTable;
import org.capebatch.refund.RefundCalculator;
import org.capebatch.rules.Assessment;
import org.capebatch.rules.AssessmentStatus;
import org.capebatch.rules.EntryAssessor;
import org.capebatch.rules.Reason;
import org.capebatch.rules.Remedy;
import org.capebatch.rules.RulesConfig;
import org.capebatch.run.CapeRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The declare step's set-based assignment on a real PostgreSQL: it must give exactly the
 * declarations {@link DeclarationSplitter} plans (the reference: sorted by group and
 * entry number in Java, split every max-entries), whatever order the assessments were
 * stored in, and the same again after a rollback.
 */
class DeclareTaskletTest {

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 30);

    private static final EntryAssessor ASSESSOR = new EntryAssessor(RulesConfig.defaults(),
            new RefundCalculator(RateTable.bundled(), 45, ImporterType.CORPORATE));

    @TempDir
    static Path workDir;

    @RegisterExtension
    static final MigratedStore store = new MigratedStore();

    private final Random random = new Random(42);

    private final Set<String> usedEntries = new HashSet<>();

    @BeforeEach
    void clean() {
        store.jdbc().execute("TRUNCATE cape_assessment, cape_ledger, cape_declaration, cape_entry_state");
    }

    @Test
    void declare_WhenGroupsAtAndAroundTheLimit_ThenSameDeclarationsAsTheSplitter() throws Exception {
        // given: groups of exactly 9,999 and 10,000 entries, one of 1, one of 20,001, and
        // excluded entries among them, stored in random order
        List<Assessment> assessments = new ArrayList<>();
        assessments.addAll(group("IMPA", 9_999));
        assessments.addAll(group("IMPB", 10_000));
        assessments.addAll(group("IMPC", 1));
        assessments.addAll(group("9IMPD", 20_001));
        assessments.addAll(excluded("IMPA", 500));
        store(1, assessments);

        // when
        long declared = declare(1, 9_999);

        // then
        List<Declaration> expected = DeclarationSplitter.plan(assessments, GroupBy.IMPORTER, 9_999, RUN_DATE);
        assertThat(declared).isEqualTo(9_999 + 10_000 + 1 + 20_001);
        assertThat(declarations(1)).isEqualTo(expected);
        assertThat(expected).extracting(Declaration::fileStem)
            .containsExactly("CAPE_9IMPD_20261130_001", "CAPE_9IMPD_20261130_002", "CAPE_9IMPD_20261130_003",
                    "CAPE_IMPA_20261130_001", "CAPE_IMPB_20261130_001", "CAPE_IMPB_20261130_002",
                    "CAPE_IMPC_20261130_001");
        assertThat(expected.get(5).entries()).hasSize(1);
    }

    @Test
    void declare_WhenManySmallGroups_ThenSameDeclarationsAsTheSplitter() throws Exception {
        // given: 300 groups of 0 to 10 entries, split every 3
        List<Assessment> assessments = new ArrayList<>();
        for (int g = 0; g < 300; g++) {
            assessments.addAll(group("G" + g + "X", random.nextInt(11)));
            assessments.addAll(excluded("G" + g + "X", random.nextInt(3)));
        }
        store(7, assessments);

        // when
        declare(7, 3);

        // then
        assertThat(declarations(7)).isEqualTo(DeclarationSplitter.plan(assessments, GroupBy.IMPORTER, 3, RUN_DATE));
    }

    @Test
    void declare_WhenDatabaseSortsLettersBeforeDigits_ThenStillJavasOrder() throws Exception {
        // given: a collation that sorts letters before digits, as the columns' collation
        // (what a database created with such a default would do), and filer codes that
        // mix both
        store.jdbc()
            .execute("CREATE COLLATION IF NOT EXISTS cape_test_letters_first (provider = icu, locale = 'und',"
                    + " rules = '&z < 0 < 1 < 2 < 3 < 4 < 5 < 6 < 7 < 8 < 9')");
        assertThat(store.jdbc().queryForObject("SELECT 'A' < '0' COLLATE cape_test_letters_first", Boolean.class))
            .isTrue();
        collate("cape_test_letters_first");
        try {
            List<Assessment> assessments = new ArrayList<>();
            for (int g = 0; g < 5; g++) {
                assessments.addAll(group("L" + g, 20 + random.nextInt(20)));
            }
            store(8, assessments);

            // when
            declare(8, 4);

            // then
            assertThat(declarations(8)).isEqualTo(DeclarationSplitter.plan(assessments, GroupBy.IMPORTER, 4, RUN_DATE));
        }
        finally {
            collate("default");
        }
    }

    /**
     * Gives the entry-number and group columns the declare statement reads a collation.
     */
    private static void collate(String collation) {
        store.jdbc()
            .execute("ALTER TABLE cape_assessment ALTER COLUMN entry_number TYPE CHAR(11) COLLATE \"" + collation
                    + "\", ALTER COLUMN group_key TYPE TEXT COLLATE \"" + collation + "\"");
        store.jdbc()
            .execute("ALTER TABLE cape_entry_state ALTER COLUMN entry_number TYPE CHAR(11) COLLATE \"" + collation
                    + "\"");
    }

    @Test
    void declare_WhenMoreThan999FilesInAGroup_ThenNumbersGrowPastThreeDigitsAsInJava() throws Exception {
        // given
        List<Assessment> assessments = group("BIG", 1_001);
        store(2, assessments);

        // when
        declare(2, 1);

        // then
        List<Declaration> actual = declarations(2);
        assertThat(actual).isEqualTo(DeclarationSplitter.plan(assessments, GroupBy.IMPORTER, 1, RUN_DATE));
        assertThat(actual.get(999).fileStem()).isEqualTo("CAPE_BIG_20261130_1000");
        assertThat(actual.get(1_000).fileStem()).isEqualTo("CAPE_BIG_20261130_1001");
    }

    @Test
    void declare_WhenRolledBackAndRunAgain_ThenSameStemsAndLedger() throws Exception {
        // given: a first attempt whose transaction rolls back after the tasklet ran
        List<Assessment> assessments = new ArrayList<>();
        for (int g = 0; g < 20; g++) {
            assessments.addAll(group("R" + g, random.nextInt(40)));
        }
        store(3, assessments);
        List<Declaration> firstAttempt = new ArrayList<>();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(store.dataSource()));
        tx.executeWithoutResult(status -> {
            try {
                tasklet(3, 7).execute(contribution(3), null);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
            firstAttempt.addAll(declarations(3));
            status.setRollbackOnly();
        });
        assertThat(store.jdbc().queryForObject("SELECT count(*) FROM cape_ledger", Long.class)).isZero();
        assertThat(store.jdbc().queryForObject("SELECT count(*) FROM cape_declaration", Long.class)).isZero();

        // when
        declare(3, 7);
        long again = declare(3, 7);

        // then: the same assignment; a second execution after success finds it done
        assertThat(declarations(3)).isEqualTo(firstAttempt)
            .isEqualTo(DeclarationSplitter.plan(assessments, GroupBy.IMPORTER, 7, RUN_DATE));
        assertThat(again).isZero();
    }

    @Test
    void declare_WhenLedgerOvertookEligibleEntries_ThenTheyAreReDecidedAndNotDeclared() throws Exception {
        // given: eligible entries of run 5 that run 4 declared meanwhile (DECLARED), that
        // CBP failed with a HOLD error, or that were released
        List<Assessment> assessments = group("OVR", 10);
        store(5, assessments);
        String declaredByOther = assessments.get(2).entryNumber();
        String held = assessments.get(5).entryNumber();
        String released = assessments.get(7).entryNumber();
        ledgerState(declaredByOther, "DECLARED", null, null);
        ledgerState(held, "FAILED", "INVALID HTS", "HOLD");
        ledgerState(released, "RELEASED", null, null);

        // when
        long declared = declare(5, 4);

        // then
        assertThat(declared).isEqualTo(8);
        assertThat(status(5, declaredByOther)).containsExactly("EXCLUDED", "ALREADY_DECLARED", "NONE");
        assertThat(status(5, held)).containsExactly("EXCLUDED", "CBP_FAILED", "FILE_PSC");
        assertThat(status(5, released)).containsExactly("ELIGIBLE", null, "FILE_CAPE");
        List<Assessment> stillEligible = assessments.stream()
            .filter(a -> !a.entryNumber().equals(declaredByOther) && !a.entryNumber().equals(held))
            .toList();
        assertThat(declarations(5)).isEqualTo(DeclarationSplitter.plan(stillEligible, GroupBy.IMPORTER, 4, RUN_DATE));
    }

    @Test
    void declare_WhenGroupKeyCannotBeAFileName_ThenFailsAndWritesNothing() {
        // given: a group key that would put a path separator into a file name
        List<Assessment> assessments = group("OK", 3);
        store(6, assessments);
        store.jdbc()
            .update("UPDATE cape_assessment SET group_key = 'A/B' WHERE entry_number = ?",
                    assessments.get(1).entryNumber());

        // when / then
        assertThatThrownBy(() -> declare(6, 10)).hasRootCauseInstanceOf(IllegalArgumentException.class)
            .hasRootCauseMessage("group key must be letters and digits only: A/B");
        assertThat(store.jdbc().queryForObject("SELECT count(*) FROM cape_ledger", Long.class)).isZero();
        assertThat(store.jdbc().queryForObject("SELECT count(*) FROM cape_declaration", Long.class)).isZero();
    }

    private List<Assessment> group(String importer, int entries) {
        List<Assessment> group = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            group.add(new Assessment(newEntry(), importer, "01", AssessmentStatus.ELIGIBLE, null, List.of(),
                    Remedy.FILE_CAPE, null, false, false, new BigDecimal("10.00"), new BigDecimal("1.00"),
                    new BigDecimal("11.00"), ImporterType.CORPORATE, false));
        }
        return group;
    }

    private List<Assessment> excluded(String importer, int entries) {
        List<Assessment> group = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            group.add(new Assessment(newEntry(), importer, "01", AssessmentStatus.EXCLUDED, Reason.NO_IEEPA_DUTY,
                    List.of(Reason.NO_IEEPA_DUTY), Remedy.NONE, null, false, false, BigDecimal.ZERO.setScale(2),
                    BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), ImporterType.CORPORATE, false));
        }
        return group;
    }

    /**
     * A new entry number: filer codes of letters and digits, so the order mixes both.
     */
    private String newEntry() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        while (true) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            s.append(String.format("%07d", random.nextInt(10_000_000)));
            String entry = s + String.valueOf(EntryNumber.checkDigit(s.toString()));
            if (usedEntries.add(entry)) {
                return entry;
            }
        }
    }

    /** Stores the assessments in shuffled order, each with its declaration group. */
    private void store(long runId, List<Assessment> assessments) {
        List<Assessment> shuffled = new ArrayList<>(assessments);
        Collections.shuffle(shuffled, random);
        store.jdbc().batchUpdate("""
                INSERT INTO cape_assessment (run_id, entry_number, importer_number, entry_type, status, reason, reasons,
                                             remedy, deadline, urgent, refund_deferred, ieepa_duty, interest,
                                             refund_total, rate_type, rate_assumed, group_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, false, false, ?, ?, ?, ?, false, ?)
                """, shuffled, 1_000, (ps, a) -> {
            ps.setLong(1, runId);
            ps.setString(2, a.entryNumber());
            ps.setString(3, a.importerNumber());
            ps.setString(4, a.entryType());
            ps.setString(5, a.status().name());
            ps.setString(6, a.reason() == null ? null : a.reason().name());
            ps.setString(7, a.reasons().isEmpty() ? "" : a.reasons().get(0).name());
            ps.setString(8, a.remedy().name());
            ps.setBigDecimal(9, a.ieepaDuty());
            ps.setBigDecimal(10, a.interest());
            ps.setBigDecimal(11, a.refundTotal());
            ps.setString(12, a.rateType().name());
            ps.setString(13, a.eligible()
                    ? DeclarationGroups.groupKey(GroupBy.IMPORTER, a.importerNumber(), new EntryNumber(a.entryNumber()))
                    : null);
        });
    }

    private void ledgerState(String entry, String state, String cbpError, String errorClass) {
        store.jdbc().update("""
                INSERT INTO cape_entry_state (entry_number, state, run_id, declaration, declared_on, cbp_error,
                                              error_class, assessed_run_id, changed_by)
                VALUES (?, ?, 4, 'CAPE_OVR_20261129_001', DATE '2026-11-29', ?, ?, 4, 4)
                """, entry, state, cbpError, errorClass);
    }

    private List<String> status(long runId, String entry) {
        return store.jdbc()
            .queryForObject("SELECT status, reason, remedy FROM cape_assessment WHERE run_id = ? AND entry_number = ?",
                    (rs, i) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)), runId,
                    entry);
    }

    private DeclareTasklet tasklet(long runId, int maxEntries) {
        return new DeclareTasklet(store.dataSource(), new CapeRun(runId, RUN_DATE, "test.csv", workDir), maxEntries,
                ASSESSOR);
    }

    private static StepContribution contribution(long runId) {
        JobExecution job = new JobExecution(runId * 10, new JobInstance(runId, "capeDeclarationJob"),
                new JobParameters());
        return new StepContribution(new StepExecution(runId * 100, "declareStep", job));
    }

    /**
     * Runs the tasklet in a transaction of its own, as the step does; returns entries
     * declared.
     */
    private long declare(long runId, int maxEntries) {
        StepContribution contribution = contribution(runId);
        new TransactionTemplate(new DataSourceTransactionManager(store.dataSource())).executeWithoutResult(status -> {
            try {
                tasklet(runId, maxEntries).execute(contribution, null);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return contribution.getWriteCount();
    }

    /**
     * The run's declarations as recorded: cape_declaration's rows, each with its ledger
     * entries in order; the counts must agree.
     */
    private static List<Declaration> declarations(long runId) {
        Map<String, List<EntryNumber>> ledger = new HashMap<>();
        store.jdbc()
            .query("SELECT declaration, entry_number FROM cape_ledger WHERE run_id = ?"
                    + " ORDER BY declaration, entry_number COLLATE \"C\"",
                    (RowCallbackHandler) rs -> ledger.computeIfAbsent(rs.getString(1), d -> new ArrayList<>())
                        .add(new EntryNumber(rs.getString(2))),
                    runId);
        List<Declaration> declarations = new ArrayList<>();
        store.jdbc()
            .query("SELECT file_stem, group_key, sequence, entry_count FROM cape_declaration WHERE run_id = ?"
                    + " ORDER BY group_key COLLATE \"C\", sequence", rs -> {
                        List<EntryNumber> entries = ledger.remove(rs.getString(1));
                        assertThat(entries).as(rs.getString(1)).isNotNull().hasSize(rs.getInt(4));
                        declarations.add(new Declaration(rs.getString(1), rs.getString(2), rs.getInt(3), entries));
                    }, runId);
        assertThat(ledger).as("ledger rows on no declaration").isEmpty();
        return declarations;
    }

}
