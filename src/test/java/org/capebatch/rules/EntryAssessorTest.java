package org.capebatch.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capebatch.refund.EntryFixture.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.capebatch.entry.AdcvdStatus;
import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.ImporterType;
import org.capebatch.entry.LiquidationStatus;
import org.capebatch.entry.ProtestStatus;
import org.capebatch.entry.StatementStatus;
import org.capebatch.entry.SummaryStatus;
import org.capebatch.refund.EntryFixture;
import org.capebatch.refund.RateTable;
import org.capebatch.refund.RefundCalculator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryAssessorTest {

    private static final LocalDate D = LocalDate.of(2026, 5, 1);

    private static final RefundCalculator REFUNDS = new RefundCalculator(RateTable.bundled(), 45,
            ImporterType.CORPORATE);

    private final EntryAssessor assessor = new EntryAssessor(RulesConfig.defaults(), REFUNDS);

    static Stream<Arguments> checks() {
        return Stream.of(check("eligible as built", f -> {
        }, D, List.of(), Remedy.FILE_CAPE, null),
                check("no IEEPA row", f -> f.rows("9903030100", "500.00", "8471300100", "20.00"), D,
                        List.of(Reason.NO_IEEPA_DUTY), Remedy.NONE, null),
                check("IEEPA rows all zero", f -> f.rows("9903012600", "0.00"), D, List.of(Reason.NO_IEEPA_DUTY),
                        Remedy.NONE, null),
                check("entered day before window", f -> f.entryDate = LocalDate.of(2025, 2, 3), D,
                        List.of(Reason.NO_IEEPA_DUTY), Remedy.NONE, null),
                check("entered first window day", f -> f.entryDate = LocalDate.of(2025, 2, 4), D, List.of(),
                        Remedy.FILE_CAPE, null),
                check("entered last window day", f -> f.entryDate = LocalDate.of(2026, 2, 23), D, List.of(),
                        Remedy.FILE_CAPE, null),
                check("entered day after window", f -> f.entryDate = LocalDate.of(2026, 2, 24), D,
                        List.of(Reason.NO_IEEPA_DUTY), Remedy.NONE, null),
                check("cancelled", f -> f.summaryStatus = SummaryStatus.CANCELLED, D,
                        List.of(Reason.ENTRY_NOT_ACCEPTED), Remedy.NONE, null),
                check("rejected", f -> f.summaryStatus = SummaryStatus.REJECTED, D, List.of(Reason.ENTRY_NOT_ACCEPTED),
                        Remedy.NONE, null),
                check("type 08 USMCA deferral", f -> f.entryType = "08", D, List.of(Reason.ENTRY_TYPE_EXCLUDED),
                        Remedy.AWAIT_PHASE, null),
                check("type 09 recon summary", f -> f.entryType = "09", D, List.of(Reason.ENTRY_TYPE_EXCLUDED),
                        Remedy.AWAIT_PHASE, null),
                check("type 47 drawback", f -> f.entryType = "47", D, List.of(Reason.ENTRY_TYPE_EXCLUDED),
                        Remedy.AWAIT_PHASE, null),
                check("type 23 TIB", f -> f.entryType = "23", D, List.of(Reason.ENTRY_TYPE_EXCLUDED),
                        Remedy.AWAIT_PHASE, null),
                check("drawback flag", f -> f.drawbackFlag = true, D, List.of(Reason.DRAWBACK), Remedy.AWAIT_PHASE,
                        null),
                check("recon flag before 2026-06-29", f -> f.reconciliationFlag = true, LocalDate.of(2026, 6, 28),
                        List.of(Reason.RECONCILIATION), Remedy.AWAIT_PHASE, null),
                check("recon flag on 2026-06-29", f -> f.reconciliationFlag = true, LocalDate.of(2026, 6, 29),
                        List.of(), Remedy.FILE_CAPE, null),
                check("recon flag type 06 after 2026-06-29", f -> {
                    f.reconciliationFlag = true;
                    f.entryType = "06";
                }, LocalDate.of(2026, 7, 15), List.of(), Remedy.FILE_CAPE, null), check("recon 09 already filed", f -> {
                    f.reconciliationFlag = true;
                    f.reconciliationSummaryFiled = true;
                }, LocalDate.of(2026, 6, 29), List.of(Reason.RECONCILIATION), Remedy.AWAIT_PHASE, null),
                check("recon flag on type 03", f -> {
                    f.reconciliationFlag = true;
                    f.entryType = "03";
                }, LocalDate.of(2026, 6, 29), List.of(Reason.RECONCILIATION), Remedy.AWAIT_PHASE, null),
                check("summary filed without flag", f -> f.reconciliationSummaryFiled = true, D, List.of(),
                        Remedy.FILE_CAPE, null),
                check("protest open", f -> f.protestStatus = ProtestStatus.OPEN, D, List.of(Reason.PROTEST_PENDING),
                        Remedy.REVIEW, null),
                check("protest suspended", f -> f.protestStatus = ProtestStatus.SUSPENDED, D,
                        List.of(Reason.PROTEST_PENDING), Remedy.REVIEW, null),
                check("surety paid", f -> f.suretyPaid = true, D, List.of(Reason.SURETY_PAID), Remedy.NONE, null),
                check("ADCVD pending liquidation", f -> f.adcvdStatus = AdcvdStatus.PENDING_LIQUIDATION, D,
                        List.of(Reason.ADCVD_PENDING_LIQUIDATION), Remedy.AWAIT_PHASE, null),
                check("liquidated 77 days ago", f -> f.liquidated(D.minusDays(77)), D, List.of(), Remedy.FILE_CAPE, D),
                check("liquidated 78 days ago", f -> f.liquidated(D.minusDays(78)), D,
                        List.of(Reason.LIQUIDATION_WINDOW_PASSED), Remedy.PROTEST, D.minusDays(78).plusDays(180)),
                check("reliquidated 78 days ago", f -> {
                    f.liquidated(D.minusDays(78));
                    f.liquidationStatus = LiquidationStatus.RELIQUIDATED;
                }, D, List.of(Reason.LIQUIDATION_WINDOW_PASSED), Remedy.PROTEST, D.minusDays(78).plusDays(180)),
                check("liquidated 180 days ago", f -> f.liquidated(D.minusDays(180)), D,
                        List.of(Reason.LIQUIDATION_WINDOW_PASSED), Remedy.PROTEST, D),
                check("liquidated 181 days ago", f -> f.liquidated(D.minusDays(181)), D,
                        List.of(Reason.LIQUIDATION_WINDOW_PASSED), Remedy.COURT, null),
                check("suspended with old liquidation date", f -> {
                    f.liquidated(D.minusDays(300));
                    f.liquidationStatus = LiquidationStatus.SUSPENDED;
                }, D, List.of(), Remedy.FILE_CAPE, null),
                check("liquidated without date", f -> f.liquidationStatus = LiquidationStatus.LIQUIDATED, D, List.of(),
                        Remedy.FILE_CAPE, null),
                check("statement unpaid", f -> f.statementStatus = StatementStatus.UNPAID, D,
                        List.of(Reason.STATEMENT_UNPAID), Remedy.RETRY, null),
                check("several failing: first decides remedy, no protest deadline", f -> {
                    f.statementStatus = StatementStatus.UNPAID;
                    f.liquidated(D.minusDays(100));
                    f.suretyPaid = true;
                    f.drawbackFlag = true;
                    f.summaryStatus = SummaryStatus.REJECTED;
                }, D, List.of(Reason.ENTRY_NOT_ACCEPTED, Reason.DRAWBACK, Reason.SURETY_PAID,
                        Reason.LIQUIDATION_WINDOW_PASSED, Reason.STATEMENT_UNPAID), Remedy.NONE, null),
                check("window then statement: protest deadline kept", f -> {
                    f.statementStatus = StatementStatus.UNPAID;
                    f.liquidated(D.minusDays(100));
                }, D, List.of(Reason.LIQUIDATION_WINDOW_PASSED, Reason.STATEMENT_UNPAID), Remedy.PROTEST,
                        D.minusDays(100).plusDays(180)),
                check("no duty and everything else", f -> {
                    f.rows("9903880300", "10.00");
                    f.entryType = "47";
                    f.reconciliationFlag = true;
                    f.protestStatus = ProtestStatus.OPEN;
                    f.adcvdStatus = AdcvdStatus.PENDING_LIQUIDATION;
                }, D, List.of(Reason.NO_IEEPA_DUTY, Reason.ENTRY_TYPE_EXCLUDED, Reason.RECONCILIATION,
                        Reason.PROTEST_PENDING, Reason.ADCVD_PENDING_LIQUIDATION), Remedy.NONE, null));
    }

    private static Arguments check(String name, Consumer<EntryFixture> change, LocalDate runDate, List<Reason> reasons,
            Remedy remedy, LocalDate deadline) {
        return Arguments.of(name, change, runDate, reasons, remedy, deadline);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void assess_WhenCheckCase_ThenReasonsRemedyDeadline(String name, Consumer<EntryFixture> change, LocalDate runDate,
            List<Reason> reasons, Remedy remedy, LocalDate deadline) {
        EntryFixture fixture = entry();
        change.accept(fixture);

        Assessment assessment = assessor.assess(fixture.build(), runDate, LedgerVerdict.NONE);

        assertThat(assessment.reasons()).containsExactlyElementsOf(reasons);
        assertThat(assessment.reason()).isEqualTo(reasons.isEmpty() ? null : reasons.get(0));
        assertThat(assessment.status())
            .isEqualTo(reasons.isEmpty() ? AssessmentStatus.ELIGIBLE : AssessmentStatus.EXCLUDED);
        assertThat(assessment.remedy()).isEqualTo(remedy);
        assertThat(assessment.deadline()).isEqualTo(deadline);
    }

    @ParameterizedTest
    @ValueSource(strings = { "01", "02", "03", "04", "05", "06", "07", "11", "12", "21", "22", "31", "32", "34", "38",
            "51", "52" })
    void assess_WhenAllowedType_ThenEligible(String type) {
        EntryFixture fixture = entry();
        fixture.entryType = type;

        assertThat(assessor.assess(fixture.build(), D, LedgerVerdict.NONE).eligible()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "00", "08", "09", "10", "13", "20", "23", "24", "25", "26", "33", "35", "36", "37", "39",
            "41", "47", "53", "61", "62", "69", "70", "86", "99", "1", "" })
    void assess_WhenOtherType_ThenEntryTypeExcluded(String type) {
        EntryFixture fixture = entry();
        fixture.entryType = type;

        Assessment assessment = assessor.assess(fixture.build(), D, LedgerVerdict.NONE);

        assertThat(assessment.reasons()).containsExactly(Reason.ENTRY_TYPE_EXCLUDED);
        assertThat(assessment.remedy()).isEqualTo(Remedy.AWAIT_PHASE);
    }

    @Test
    void assess_WhenWindowSettingsChanged_ThenLimitFollows() {
        EntryAssessor strict = new EntryAssessor(new RulesConfig(80, 10, Set.of(), Set.of()), REFUNDS);
        EntryFixture fixture = entry().liquidated(D.minusDays(71));

        Assessment assessment = strict.assess(fixture.build(), D, LedgerVerdict.NONE);

        assertThat(assessment.reasons()).containsExactly(Reason.LIQUIDATION_WINDOW_PASSED);
        assertThat(strict.assess(entry().liquidated(D.minusDays(70)).build(), D, LedgerVerdict.NONE).deadline())
            .isEqualTo(D);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({ "63, 2026-05-15, true", // deadline = D
                                                                           // + 14
            "62, 2026-05-16, false", // deadline = D + 15
            "77, 2026-05-01, true", // deadline = D
            "0,  2026-07-17, false", })
    void assess_WhenLiquidatedEligible_ThenDeadlineAndUrgent(int daysAgo, LocalDate deadline, boolean urgent) {
        Assessment assessment = assessor.assess(entry().liquidated(D.minusDays(daysAgo)).build(), D,
                LedgerVerdict.NONE);

        assertThat(assessment.eligible()).isTrue();
        assertThat(assessment.deadline()).isEqualTo(deadline);
        assertThat(assessment.urgent()).isEqualTo(urgent);
    }

    @Test
    void assess_WhenUnliquidatedEligible_ThenNoDeadlineNotUrgent() {
        Assessment assessment = assessor.assess(entry().build(), D, LedgerVerdict.NONE);

        assertThat(assessment.deadline()).isNull();
        assertThat(assessment.urgent()).isFalse();
        assertThat(assessment.refundDeferred()).isFalse();
    }

    static Stream<Arguments> deferred() {
        return Stream.of(
                Arguments.of("liquidation suspended",
                        (Consumer<EntryFixture>) f -> f.liquidationStatus = LiquidationStatus.SUSPENDED, true),
                Arguments.of("liquidation extended",
                        (Consumer<EntryFixture>) f -> f.liquidationStatus = LiquidationStatus.EXTENDED, true),
                Arguments.of("under review",
                        (Consumer<EntryFixture>) f -> f.liquidationStatus = LiquidationStatus.UNDER_REVIEW, true),
                Arguments.of("ADCVD suspended", (Consumer<EntryFixture>) f -> f.adcvdStatus = AdcvdStatus.SUSPENDED,
                        true),
                Arguments.of("type 21", (Consumer<EntryFixture>) f -> f.entryType = "21", true),
                Arguments.of("type 22", (Consumer<EntryFixture>) f -> f.entryType = "22", true),
                Arguments.of("type 31", (Consumer<EntryFixture>) f -> f.entryType = "31", true),
                Arguments.of("type 32", (Consumer<EntryFixture>) f -> f.entryType = "32", true),
                Arguments.of("type 34", (Consumer<EntryFixture>) f -> f.entryType = "34", true),
                Arguments.of("type 38", (Consumer<EntryFixture>) f -> f.entryType = "38", true),
                Arguments.of("type 01 unliquidated", (Consumer<EntryFixture>) f -> {
                }, false), Arguments.of("type 03 liquidated", (Consumer<EntryFixture>) f -> {
                    f.entryType = "03";
                    f.liquidated(D.minusDays(10));
                }, false), Arguments.of("type 11", (Consumer<EntryFixture>) f -> f.entryType = "11", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deferred")
    void assess_WhenEligible_ThenRefundDeferredPerSpec(String name, Consumer<EntryFixture> change, boolean deferred) {
        EntryFixture fixture = entry();
        change.accept(fixture);

        Assessment assessment = assessor.assess(fixture.build(), D, LedgerVerdict.NONE);

        assertThat(assessment.eligible()).isTrue();
        assertThat(assessment.refundDeferred()).isEqualTo(deferred);
    }

    @Test
    void assess_WhenExcludedButDeferredShape_ThenDeferredAndUrgentFalse() {
        EntryFixture fixture = entry();
        fixture.entryType = "21";
        fixture.suretyPaid = true;

        Assessment assessment = assessor.assess(fixture.build(), D, LedgerVerdict.NONE);

        assertThat(assessment.refundDeferred()).isFalse();
        assertThat(assessment.urgent()).isFalse();
    }

    @Test
    void assess_WhenEligible_ThenEstimateFilledIn() {
        EntryFixture fixture = entry().rows("9903012400", "10000.00");
        fixture.paymentDate = LocalDate.of(2025, 6, 10);

        // D + 45 days = 2026-03-31: the CAPE-RULES §5.3 worked example.
        Assessment assessment = assessor.assess(fixture.build(), LocalDate.of(2026, 2, 14), LedgerVerdict.NONE);

        assertThat(assessment).isEqualTo(new Assessment("ABC12345676", "12-3456789AB", "01", AssessmentStatus.ELIGIBLE,
                null, List.of(), Remedy.FILE_CAPE, null, false, false, new BigDecimal("10000.00"),
                new BigDecimal("495.11"), new BigDecimal("10495.11"), ImporterType.CORPORATE, false));
    }

    @Test
    void assess_WhenEligibleAndEndPastTable_ThenRateAssumed() {
        // D + 45 days = 2027-01-14, past the bundled table (2026-Q4)
        Assessment assessment = assessor.assess(entry().build(), LocalDate.of(2026, 11, 30), LedgerVerdict.NONE);

        assertThat(assessment.rateAssumed()).isTrue();
        assertThat(assessment.interest()).isPositive();
    }

    @Test
    void assess_WhenExcluded_ThenPrincipalKeptInterestZeroRateTypeReported() {
        EntryFixture fixture = entry().rows("9903012400", "1234.56", "9903880300", "99.00");
        fixture.importer = "987-65-4321";
        fixture.suretyPaid = true;

        Assessment assessment = assessor.assess(fixture.build(), D, LedgerVerdict.NONE);

        assertThat(assessment)
            .isEqualTo(new Assessment("ABC12345676", "987-65-4321", "01", AssessmentStatus.EXCLUDED, Reason.SURETY_PAID,
                    List.of(Reason.SURETY_PAID), Remedy.NONE, null, false, false, new BigDecimal("1234.56"),
                    new BigDecimal("0.00"), new BigDecimal("0.00"), ImporterType.NON_CORPORATE, false));
    }

    @Test
    void assess_WhenNoIeepaDuty_ThenMoneyAllZeroAtScale2() {
        Assessment assessment = assessor.assess(entry().rows("9903030100", "5.00").build(), D, LedgerVerdict.NONE);

        assertThat(List.of(assessment.ieepaDuty(), assessment.interest(), assessment.refundTotal()))
            .allSatisfy(money -> assertThat(money).isEqualTo("0.00"));
    }

    @Test
    void assess_WhenDataError_ThenOnlyDataErrorAndZeroMoney() {
        EntryFixture fixture = entry();
        fixture.dataError = true;
        fixture.suretyPaid = true;
        fixture.importerType = ImporterType.NON_CORPORATE;
        fixture.liquidated(D.minusDays(100));

        Assessment assessment = assessor.assess(fixture.build(), D, LedgerVerdict.NONE);

        assertThat(assessment)
            .isEqualTo(new Assessment("ABC12345676", "12-3456789AB", "01", AssessmentStatus.EXCLUDED, Reason.DATA_ERROR,
                    List.of(Reason.DATA_ERROR), Remedy.FIX_DATA, null, false, false, new BigDecimal("0.00"),
                    new BigDecimal("0.00"), new BigDecimal("0.00"), ImporterType.NON_CORPORATE, false));
    }

    @Test
    void assess_WhenNoRowParsed_ThenDataErrorWithoutImporterOrType() {
        EntryFixture fixture = entry();
        fixture.noFacts = true;
        fixture.dataError = true;

        Assessment assessment = assessor.assess(fixture.build(), D, LedgerVerdict.NONE);

        assertThat(assessment.reasons()).containsExactly(Reason.DATA_ERROR);
        assertThat(assessment.importerNumber()).isNull();
        assertThat(assessment.entryType()).isNull();
        assertThat(assessment.rateType()).isEqualTo(ImporterType.CORPORATE);
        assertThat(assessment.ieepaDuty()).isEqualTo("0.00");
    }

    @Test
    void assess_WhenInLedger_ThenAlreadyDeclaredLast() {
        EntryFixture fixture = entry();
        fixture.statementStatus = StatementStatus.UNPAID;
        LedgerVerdict ledger = new LedgerVerdict(LedgerState.DECLARED, null);

        Assessment assessment = assessor.assess(fixture.build(), D, ledger);
        Assessment other = assessor.assess(entry().build(), D, LedgerVerdict.NONE);

        assertThat(assessment.reasons()).containsExactly(Reason.STATEMENT_UNPAID, Reason.ALREADY_DECLARED);
        assertThat(other.eligible()).isTrue();
    }

    /**
     * SPEC §3 checks 13 and 14 from each ledger state (SPEC §6.5) and each class of CBP
     * error (SPEC §6.3).
     */
    static Stream<Arguments> ledgerVerdicts() {
        return Stream.of(Arguments.of(null, null, null, Remedy.FILE_CAPE),
                Arguments.of(LedgerState.DECLARED, null, Reason.ALREADY_DECLARED, Remedy.NONE),
                Arguments.of(LedgerState.ACCEPTED, null, Reason.ALREADY_DECLARED, Remedy.NONE),
                Arguments.of(LedgerState.RELEASED, null, null, Remedy.FILE_CAPE),
                Arguments.of(LedgerState.RELEASED, "UNABLE TO CALCULATE DUTY", null, Remedy.FILE_CAPE),
                Arguments.of(LedgerState.FAILED, "INVALID HTS", Reason.CBP_FAILED, Remedy.FILE_PSC),
                Arguments.of(LedgerState.FAILED, "entry type not allowed", Reason.CBP_FAILED, Remedy.AWAIT_PHASE),
                Arguments.of(LedgerState.FAILED, "ENTRY SUMMARY IS CANCELLED/REJECTED", Reason.CBP_FAILED, Remedy.NONE),
                Arguments.of(LedgerState.FAILED, "SOMETHING NEW", Reason.CBP_FAILED, Remedy.REVIEW),
                Arguments.of(LedgerState.FAILED, "PROTEST ON ENTRY", null, Remedy.FILE_CAPE));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @MethodSource("ledgerVerdicts")
    void assess_WhenLedgerHoldsEntry_ThenChecks13And14DecideByState(LedgerState state, String error, Reason reason,
            Remedy remedy) {
        LedgerVerdict verdict = state == null ? LedgerVerdict.NONE : LedgerVerdict.of(state.name(), error);

        Assessment assessment = assessor.assess(entry().build(), D, verdict);

        assertThat(assessment.reason()).isEqualTo(reason);
        assertThat(assessment.remedy()).isEqualTo(remedy);
        if (reason != null) {
            assertThat(assessment.interest()).isEqualByComparingTo("0");
            assertThat(assessment.reasons()).containsExactly(reason);
        }
    }

    @Test
    void assess_WhenHeldForFinalLiquidation_ThenProtestDeadlineFromLiquidationDate() {
        LedgerVerdict held = LedgerVerdict.of("FAILED", "ENTRY SUMMARY IS IN FINAL LIQUIDATION STATUS");

        Assessment assessment = assessor.assess(entry().liquidated(D.minusDays(10)).build(), D, held);

        assertThat(assessment.reason()).isEqualTo(Reason.CBP_FAILED);
        assertThat(assessment.remedy()).isEqualTo(Remedy.PROTEST);
        assertThat(assessment.deadline()).isEqualTo(D.minusDays(10).plusDays(180));
    }

    @Test
    void overtakenByLedger_WhenDeclaredOrHeldSinceAssessment_ThenExcludedByTheSameRules() {
        Assessment eligible = assessor.assess(entry().build(), D, LedgerVerdict.NONE);

        Assessment declared = assessor.overtakenByLedger(eligible, D, LedgerVerdict.of("ACCEPTED", null));
        Assessment held = assessor.overtakenByLedger(eligible, D, LedgerVerdict.of("FAILED", "INVALID HTS"));
        Assessment released = assessor.overtakenByLedger(eligible, D, LedgerVerdict.of("RELEASED", null));

        assertThat(declared.reason()).isEqualTo(Reason.ALREADY_DECLARED);
        assertThat(declared.refundTotal()).isEqualByComparingTo("0");
        assertThat(declared.ieepaDuty()).isEqualTo(eligible.ieepaDuty());
        assertThat(held.reason()).isEqualTo(Reason.CBP_FAILED);
        assertThat(held.remedy()).isEqualTo(Remedy.FILE_PSC);
        assertThat(released).isEqualTo(eligible);
    }

    static Stream<Arguments> declarants() {
        return Stream.of(Arguments.of(Set.of(), Set.of(), "ABC12345676", "12-3456789AB", true),
                Arguments.of(Set.of("ABC"), Set.of(), "ABC12345676", "12-3456789AB", true),
                Arguments.of(Set.of("abc "), Set.of(), "ABC12345676", "12-3456789AB", true),
                Arguments.of(Set.of("XYZ"), Set.of(), "ABC12345676", "12-3456789AB", false),
                Arguments.of(Set.of(), Set.of("123456789AB"), "ABC12345676", "12-3456789AB", true),
                Arguments.of(Set.of(), Set.of("12-3456789ab"), "ABC12345676", "123456789AB", true),
                Arguments.of(Set.of(), Set.of("99-9999999AA"), "ABC12345676", "12-3456789AB", false),
                Arguments.of(Set.of("XYZ"), Set.of("12-3456789AB"), "ABC12345676", "12-3456789AB", true),
                Arguments.of(Set.of("XYZ"), Set.of("12-3456789AB"), "XYZ12345670", "55-5555555AA", true),
                Arguments.of(Set.of("XYZ"), Set.of("12-3456789AB"), "QRS12345670", "55-5555555AA", false));
    }

    @ParameterizedTest
    @MethodSource("declarants")
    void assess_WhenDeclarantConfigured_ThenFilerCodeOrImporterMustMatch(Set<String> filerCodes, Set<String> importers,
            String number, String importer, boolean eligible) {
        EntryAssessor configured = new EntryAssessor(new RulesConfig(80, 3, filerCodes, importers), REFUNDS);
        EntryFixture fixture = entry();
        fixture.number = number;
        fixture.importer = importer;

        Assessment assessment = configured.assess(fixture.build(), D, LedgerVerdict.NONE);

        assertThat(assessment.eligible()).isEqualTo(eligible);
        if (!eligible) {
            assertThat(assessment.reasons()).containsExactly(Reason.NOT_DECLARANT);
            assertThat(assessment.remedy()).isEqualTo(Remedy.OTHER_DECLARANT);
        }
    }

}
