package org.capebatch.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capebatch.refund.EntryFixture.entry;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.capebatch.entry.ImporterType;
import org.capebatch.entry.LiquidationStatus;
import org.capebatch.refund.EntryFixture;
import org.capebatch.refund.RateTable;
import org.capebatch.refund.RefundCalculator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SPEC §3 amendments of 2026-12-01 (CAPE-RULES §11): warehouse types from 2026-07-07,
 * phase 3 litigants.
 */
class EntryAssessorAmendmentsTest {

    private static final RefundCalculator REFUNDS = new RefundCalculator(RateTable.bundled(), 45,
            ImporterType.CORPORATE);

    private static final String LITIGANT = "12-3456789AB";

    @ParameterizedTest(name = "type {0} on {1}")
    @CsvSource({
            // type, run date, reasons ('' = eligible), remedy, refund_deferred
            "21, 2026-07-06, '',                  FILE_CAPE,   true",
            "21, 2026-07-07, ENTRY_TYPE_EXCLUDED, AWAIT_PHASE, false",
            "22, 2026-07-06, '',                  FILE_CAPE,   true",
            "22, 2026-07-07, ENTRY_TYPE_EXCLUDED, AWAIT_PHASE, false",
            "22, 2026-11-30, ENTRY_TYPE_EXCLUDED, AWAIT_PHASE, false",
            // the withdrawals keep carrying the refund
            "31, 2026-07-07, '',                  FILE_CAPE,   true",
            "32, 2026-07-07, '',                  FILE_CAPE,   true",
            "34, 2026-07-07, '',                  FILE_CAPE,   true",
            "38, 2026-11-30, '',                  FILE_CAPE,   true",
            "01, 2026-07-07, '',                  FILE_CAPE,   false", })
    void assess_WhenWarehouseTypeAroundJuly7_ThenExcludedFromThatDay(String type, LocalDate runDate, String reasons,
            Remedy remedy, boolean deferred) {
        EntryFixture fixture = entry();
        fixture.entryType = type;

        Assessment assessment = new EntryAssessor(RulesConfig.defaults(), REFUNDS).assess(fixture.build(), runDate,
                LedgerVerdict.NONE);

        assertThat(assessment.reasons()).containsExactlyElementsOf(reasons(reasons));
        assertThat(assessment.remedy()).isEqualTo(remedy);
        assertThat(assessment.refundDeferred()).isEqualTo(deferred);
    }

    @ParameterizedTest(name = "{0}, importer {1}, phase 3 from {3}, on {2}")
    @CsvSource({
            // case, importer, run date, phase3-start, reasons, remedy, deadline, urgent
            "litigant before phase 3,     12-3456789AB, 2026-10-05, 2026-10-06, LIQUIDATION_WINDOW_PASSED, COURT, , false",
            "litigant on phase 3 start,   12-3456789AB, 2026-10-06, 2026-10-06, '',                        FILE_CAPE, , false",
            "litigant written otherwise,  123456789ab,  2026-11-30, 2026-10-06, '',                        FILE_CAPE, , false",
            "not a litigant,              98-7654321AB, 2026-11-30, 2026-10-06, LIQUIDATION_WINDOW_PASSED, COURT, , false",
            "litigant but later start,     12-3456789AB, 2026-11-30, 2026-12-01, LIQUIDATION_WINDOW_PASSED, COURT, , false", })
    void assess_WhenFinallyLiquidatedAroundPhase3Start_ThenLitigantsPassCheck10(String name, String importer,
            LocalDate runDate, LocalDate phase3Start, String reasons, Remedy remedy, LocalDate deadline,
            boolean urgent) {
        EntryFixture fixture = entry().liquidated(LocalDate.of(2026, 3, 20));
        fixture.importer = importer;
        RulesConfig config = new RulesConfig(80, 3, Set.of(), Set.of(), Set.of(LITIGANT), phase3Start);

        Assessment assessment = new EntryAssessor(config, REFUNDS).assess(fixture.build(), runDate, LedgerVerdict.NONE);

        assertThat(assessment.reasons()).containsExactlyElementsOf(reasons(reasons));
        assertThat(assessment.remedy()).isEqualTo(remedy);
        assertThat(assessment.deadline()).isEqualTo(deadline);
        assertThat(assessment.urgent()).isEqualTo(urgent);
    }

    @ParameterizedTest(name = "liquidated {0} days before 2026-11-30")
    @CsvSource({
            // a litigant's entry still inside the window keeps its deadline; past it the
            // deadline is gone
            "77, 2026-11-30, true", "60, 2026-12-17, false", "78, ,           false", })
    void assess_WhenLitigantLiquidatedEligible_ThenDeadlineOnlyInsideWindow(int daysAgo, LocalDate deadline,
            boolean urgent) {
        LocalDate runDate = LocalDate.of(2026, 11, 30);
        RulesConfig config = new RulesConfig(80, 3, Set.of(), Set.of(), Set.of(LITIGANT), null);

        Assessment assessment = new EntryAssessor(config, REFUNDS)
            .assess(entry().liquidated(runDate.minusDays(daysAgo)).build(), runDate, LedgerVerdict.NONE);

        assertThat(assessment.eligible()).isTrue();
        assertThat(assessment.deadline()).isEqualTo(deadline);
        assertThat(assessment.urgent()).isEqualTo(urgent);
    }

    @ParameterizedTest
    @CsvSource({ "2026-10-06", "2027-03-01" })
    void assess_WhenNoPhase3Importers_ThenWindowAppliesToEveryone(LocalDate runDate) {
        EntryFixture fixture = entry().liquidated(runDate.minusDays(100));
        fixture.liquidationStatus = LiquidationStatus.RELIQUIDATED;

        Assessment assessment = new EntryAssessor(RulesConfig.defaults(), REFUNDS).assess(fixture.build(), runDate,
                LedgerVerdict.NONE);

        assertThat(assessment.reasons()).containsExactly(Reason.LIQUIDATION_WINDOW_PASSED);
        assertThat(RulesConfig.defaults().phase3Start()).isEqualTo(LocalDate.of(2026, 10, 6));
    }

    private static List<Reason> reasons(String names) {
        return names.isBlank() ? List.of() : List.of(Reason.valueOf(names));
    }

}
