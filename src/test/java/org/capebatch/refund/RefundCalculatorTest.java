package org.capebatch.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.capebatch.refund.EntryFixture.entry;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.capebatch.entry.ImporterType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefundCalculatorTest {

    private final RefundCalculator calculator = new RefundCalculator(RateTable.bundled(), 45, ImporterType.CORPORATE);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
            value = { "one IEEPA row                  | 9903012400,1000.00                                  | 1000.00",
                    "9903.02 reciprocal             | 9903024700,250.55                                   | 250.55",
                    "both prefixes summed           | 9903012400,100.10,9903022000,0.95,9903012500,1.00   | 102.05",
                    "zero-duty exemption row        | 9903012600,0.00,9903012500,40.00                    | 40.00",
                    "negative row ignored           | 9903012500,-40.00,9903012500,40.00                  | 40.00",
                    "section 122 not counted        | 9903030100,500.00                                   | 0.00",
                    "section 301 not counted        | 9903880300,500.00                                   | 0.00",
                    "section 232 and MFN not counted| 9903810000,10.00,8471300100,5.00                    | 0.00",
                    "prefix must be at start        | 1990301250,10.00                                    | 0.00",
                    "mixed                          | 8471300100,5.00,9903880300,7.00,9903012400,12.34    | 12.34", })
    void ieepaPrincipal_WhenRows_ThenOnlyDutiableIeepaRowsCount(String name, String rows, BigDecimal expected) {
        BigDecimal principal = RefundCalculator.ieepaPrincipal(entry().rows(rows.split(",")).build());

        assertThat(principal).isEqualTo(expected);
        assertThat(principal.scale()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({ "2025-02-03, 0.00", "2025-02-04, 1000.00", "2026-02-23, 1000.00", "2026-02-24, 0.00", })
    void ieepaPrincipal_WhenEntryDateAtWindowEdges_ThenCountedOnlyInside(LocalDate entryDate, BigDecimal expected) {
        EntryFixture fixture = entry();
        fixture.entryDate = entryDate;

        assertThat(RefundCalculator.ieepaPrincipal(fixture.build())).isEqualTo(expected);
    }

    @Test
    void ieepaPrincipal_WhenNoFacts_ThenZero() {
        EntryFixture fixture = entry();
        fixture.noFacts = true;

        assertThat(RefundCalculator.ieepaPrincipal(fixture.build())).isEqualTo("0.00");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = { "2025-06-10, 2025-06-05, 2025-06-01, 2025-06-10",
            "null,       2025-06-05, 2025-06-01, 2025-06-05", "null,       null,       2025-06-01, 2025-06-01", })
    void depositDate_WhenDatesPresent_ThenPaymentElseSummaryElseEntry(LocalDate payment, LocalDate summary,
            LocalDate entryDate, LocalDate expected) {
        EntryFixture fixture = entry();
        fixture.paymentDate = payment;
        fixture.entrySummaryDate = summary;
        fixture.entryDate = entryDate;

        assertThat(RefundCalculator.depositDate(fixture.facts())).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null",
            value = { "CORPORATE,     123-45-6789,  NON_CORPORATE, CORPORATE",
                    "NON_CORPORATE, 12-3456789AB, CORPORATE,     NON_CORPORATE",
                    "null,          123-45-6789,  CORPORATE,     NON_CORPORATE",
                    "null,          ' 123-45-6789 ', CORPORATE,  NON_CORPORATE",
                    "null,          123456789,    CORPORATE,     CORPORATE",
                    "null,          12-3456789AB, CORPORATE,     CORPORATE",
                    "null,          12-3456789AB, NON_CORPORATE, NON_CORPORATE",
                    "null,          null,         NON_CORPORATE, NON_CORPORATE", })
    void rateType_WhenColumnImporterAndDefault_ThenSpecOrder(ImporterType column, String importer,
            ImporterType defaultType, ImporterType expected) {
        EntryFixture fixture = entry();
        fixture.importerType = column;
        fixture.importer = importer;

        assertThat(new RefundCalculator(RateTable.bundled(), 45, defaultType).rateType(fixture.facts()))
            .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null",
            value = { "123-45-6789, true", "000-00-0000, true", "123456789, false", "12-3456789, false",
                    "12-3456789AB, false", "123-45-67890, false", "1234-56-789, false", "ABC-DE-FGHI, false",
                    "null, false", "'', false", })
    void isSsnFormat_WhenWritten_ThenOnlyNnnDashNnDashNnnn(String importer, boolean expected) {
        assertThat(RefundCalculator.isSsnFormat(importer)).isEqualTo(expected);
    }

    @Test
    void estimate_WhenWorkedExampleDates_ThenPrincipalPlusInterest() {
        // Run date 2026-02-14 + 45 days lag = 2026-03-31: the CAPE-RULES §5.3 example.
        EntryFixture fixture = entry().rows("9903012400", "6000.00", "9903024700", "4000.00", "8471300100", "99.00");
        fixture.paymentDate = LocalDate.of(2025, 6, 10);

        RefundEstimate estimate = calculator.estimate(fixture.build(), LocalDate.of(2026, 2, 14));

        assertThat(estimate).isEqualTo(new RefundEstimate(new BigDecimal("10000.00"), new BigDecimal("495.11"),
                new BigDecimal("10495.11"), ImporterType.CORPORATE, false));
    }

    @Test
    void estimate_WhenSsnImporterAndEndPastTable_ThenNonCorporateAndAssumed() {
        EntryFixture fixture = entry().rows("9903012400", "10000.00");
        fixture.importer = "123-45-6789";
        fixture.paymentDate = LocalDate.of(2025, 6, 10);

        // D + 45 days = 2027-01-01, the first day past the bundled table (2026-Q4)
        RefundEstimate estimate = calculator.estimate(fixture.build(), LocalDate.of(2026, 11, 17));

        assertThat(estimate.rateType()).isEqualTo(ImporterType.NON_CORPORATE);
        assertThat(estimate.rateAssumed()).isTrue();
        assertThat(estimate.interest()).isGreaterThan(new BigDecimal("579.98"));
        assertThat(estimate.refundTotal()).isEqualTo(estimate.ieepaDuty().add(estimate.interest()));
    }

    @Test
    void estimate_WhenLagDiffers_ThenEndDateMoves() {
        RefundCalculator noLag = new RefundCalculator(RateTable.bundled(), 0, ImporterType.CORPORATE);
        EntryFixture fixture = entry().rows("9903012400", "10000.00");
        fixture.paymentDate = LocalDate.of(2025, 6, 10);

        assertThat(noLag.estimate(fixture.build(), LocalDate.of(2026, 3, 31)).interest()).isEqualTo("495.11");
        assertThat(noLag.endDate(LocalDate.of(2026, 3, 31))).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(calculator.endDate(LocalDate.of(2026, 3, 31))).isEqualTo(LocalDate.of(2026, 5, 15));
    }

    @Test
    void estimate_WhenNoFacts_ThenRefused() {
        EntryFixture fixture = entry();
        fixture.noFacts = true;

        assertThatThrownBy(() -> calculator.estimate(fixture.build(), LocalDate.of(2026, 5, 1)))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
