package org.capebatch.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.capebatch.entry.ImporterType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class InterestCalculatorTest {

    private static final LocalDate DEPOSIT = LocalDate.of(2025, 6, 10);

    private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000.00");

    /**
     * 2027-Q3 … 2029-Q1 with a different rate every quarter, across the 2028 leap year.
     */
    private static RateTable varying;

    @TempDir
    static Path dir;

    @BeforeAll
    static void fabricateTable() throws IOException {
        Path file = dir.resolve("rates-2028.csv");
        Files.writeString(file, """
                quarter_start,quarter_end,noncorporate_rate_pct,corporate_rate_pct
                2027-07-01,2027-09-30,5,4
                2027-10-01,2027-12-31,6,5
                2028-01-01,2028-03-31,8,7
                2028-04-01,2028-06-30,7.5,6.5
                2028-07-01,2028-09-30,9,8
                2028-10-01,2028-12-31,4,3
                2029-01-01,2029-03-31,6,5
                """);
        varying = RateTable.load(file);
    }

    @ParameterizedTest
    @CsvSource({ "CORPORATE, 495.11", "NON_CORPORATE, 579.98" })
    void interest_WhenCapeRulesWorkedExample_ThenMatchesPublishedFigure(ImporterType type, BigDecimal expected) {
        // CAPE-RULES §5.3: $10,000 deposited 2025-06-10, reliquidated 2026-03-31: 294
        // days at 6 % / 7 %.
        InterestResult result = new InterestCalculator(RateTable.bundled()).interest(TEN_THOUSAND, DEPOSIT,
                LocalDate.of(2026, 3, 31), type);

        assertThat(result.interest()).isEqualTo(expected);
        assertThat(result.rateAssumed()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({ "2025-06-10", "2025-06-09", "2024-01-01" })
    void interest_WhenEndNotAfterDeposit_ThenZeroNotAssumed(LocalDate end) {
        InterestResult result = new InterestCalculator(RateTable.bundled()).interest(TEN_THOUSAND, DEPOSIT, end,
                ImporterType.CORPORATE);

        assertThat(result.interest()).isEqualTo("0.00");
        assertThat(result.rateAssumed()).isFalse();
    }

    @Test
    void interest_WhenOneDay_ThenOneDailyFactor() {
        // 10,000 × 0.06 / 365 = 1.6438… → 1.64; the deposit day itself earns nothing.
        InterestResult result = new InterestCalculator(RateTable.bundled()).interest(TEN_THOUSAND, DEPOSIT,
                DEPOSIT.plusDays(1), ImporterType.CORPORATE);

        assertThat(result.interest()).isEqualTo("1.64");
    }

    @Test
    void interest_WhenWholeLeapYear2028_ThenEveryDayUses366() {
        RateTable flat = varyingFlat();
        // Deposit 2027-12-31, end 2028-12-31: 366 days, all of them in 2028, each at 7 %
        // / 366.
        BigDecimal expected = TEN_THOUSAND
            .multiply(BigDecimal.ONE.add(new BigDecimal("0.07").divide(new BigDecimal("366"), MathContext.DECIMAL128))
                .pow(366, MathContext.DECIMAL128))
            .subtract(TEN_THOUSAND)
            .setScale(2, RoundingMode.HALF_UP);

        InterestResult result = new InterestCalculator(flat).interest(TEN_THOUSAND, LocalDate.of(2027, 12, 31),
                LocalDate.of(2028, 12, 31), ImporterType.NON_CORPORATE);

        assertThat(result.interest()).isEqualTo(expected).isEqualTo("725.01");
        assertThat(result.rateAssumed()).isFalse();
    }

    @Test
    void interest_WhenSpanningFeb29_ThenLeapDayEarnsInterest() {
        InterestCalculator calculator = new InterestCalculator(varying);
        BigDecimal big = new BigDecimal("10000000.00");

        BigDecimal toFeb28 = calculator
            .interest(big, LocalDate.of(2028, 2, 27), LocalDate.of(2028, 2, 28), ImporterType.CORPORATE)
            .interest();
        BigDecimal toFeb29 = calculator
            .interest(big, LocalDate.of(2028, 2, 27), LocalDate.of(2028, 2, 29), ImporterType.CORPORATE)
            .interest();

        // 10,000,000 × 0.07 / 366 = 1,912.57 for one day; two days compound once.
        assertThat(toFeb28).isEqualTo("1912.57");
        assertThat(toFeb29).isEqualTo("3825.50");
    }

    static Stream<Arguments> periods() {
        return Stream.of(Arguments.of("2027-08-15", "2027-08-16"), Arguments.of("2027-09-29", "2027-10-02"), // quarter
                                                                                                             // boundary,
                                                                                                             // same
                                                                                                             // year
                Arguments.of("2027-12-30", "2028-01-02"), // year boundary into the leap
                                                          // year, rate change
                Arguments.of("2028-02-27", "2028-03-02"), // over 29 February
                Arguments.of("2028-03-31", "2028-04-01"), // exactly one day, first of a
                                                          // quarter
                Arguments.of("2027-07-01", "2029-03-31"), // the whole table
                Arguments.of("2028-12-15", "2029-01-15"), // leap year into a common year
                Arguments.of("2029-03-01", "2029-06-30"), // past the table: carried
                                                          // forward
                Arguments.of("2027-06-01", "2027-07-10")); // before the table: first rate
                                                           // assumed
    }

    @ParameterizedTest
    @MethodSource("periods")
    void interest_WhenRunsOfDays_ThenEqualsDayByDayProduct(LocalDate deposit, LocalDate end) {
        for (ImporterType type : ImporterType.values()) {
            for (BigDecimal principal : new BigDecimal[] { new BigDecimal("0.01"), new BigDecimal("12345.67"),
                    new BigDecimal("987654321.99") }) {
                InterestResult result = new InterestCalculator(varying).interest(principal, deposit, end, type);

                assertThat(result).isEqualTo(dayByDay(varying, principal, deposit, end, type));
            }
        }
    }

    @Test
    void interest_WhenRandomPeriods_ThenEqualsDayByDayProduct() {
        Random random = new Random(20260420L);
        LocalDate base = LocalDate.of(2027, 5, 1);
        for (int i = 0; i < 200; i++) {
            LocalDate deposit = base.plusDays(random.nextInt(800));
            LocalDate end = deposit.plusDays(random.nextInt(500));
            BigDecimal principal = BigDecimal.valueOf(random.nextLong(100_000_000_00L), 2);
            ImporterType type = random.nextBoolean() ? ImporterType.CORPORATE : ImporterType.NON_CORPORATE;

            assertThat(new InterestCalculator(varying).interest(principal, deposit, end, type))
                .as("%s %s..%s %s", principal, deposit, end, type)
                .isEqualTo(dayByDay(varying, principal, deposit, end, type));
        }
    }

    @ParameterizedTest
    @CsvSource({ "2025-06-10, 2026-03-31, false", "2025-06-10, 2026-04-01, false", "2026-03-31, 2026-05-15, false",
            "2025-06-10, 2026-12-31, false", "2025-06-10, 2027-01-01, true", "2026-12-31, 2027-02-14, true",
            "2024-12-31, 2025-01-01, false", "2024-12-30, 2025-01-01, true", })
    void interest_WhenDaysOutsideTable_ThenRateAssumed(LocalDate deposit, LocalDate end, boolean assumed) {
        InterestResult result = new InterestCalculator(RateTable.bundled()).interest(TEN_THOUSAND, deposit, end,
                ImporterType.CORPORATE);

        assertThat(result.rateAssumed()).isEqualTo(assumed);
    }

    @Test
    void interest_WhenPastTable_ThenLastRateCarriedForward() {
        // 2026-12-31 → 2027-02-14: 45 days past the table at the carried-forward 6 %,
        // still /365.
        InterestResult result = new InterestCalculator(RateTable.bundled()).interest(TEN_THOUSAND,
                LocalDate.of(2026, 12, 31), LocalDate.of(2027, 2, 14), ImporterType.CORPORATE);

        BigDecimal expected = TEN_THOUSAND
            .multiply(InterestCalculator.dailyFactor(new BigDecimal("6"), 365).pow(45, MathContext.DECIMAL128))
            .subtract(TEN_THOUSAND)
            .setScale(2, RoundingMode.HALF_UP);
        assertThat(result.interest()).isEqualTo(expected).isEqualTo("74.24");
    }

    @ParameterizedTest
    @CsvSource({
            // one day of interest on $10,000 at rate / 365: 5 % → 1.37, 6 % → 1.64, 7 % →
            // 1.92
            "2026-03-30, CORPORATE,     1.64", // 2026-03-31: Q1, 6 %
            "2026-03-31, CORPORATE,     1.37", // 2026-04-01: Q2, 5 %
            "2026-03-31, NON_CORPORATE, 1.64", // 2026-04-01: Q2, 6 %
            "2026-06-29, CORPORATE,     1.37", // 2026-06-30: Q2, 5 %
            "2026-06-30, CORPORATE,     1.64", // 2026-07-01: Q3, 6 %
            "2026-06-30, NON_CORPORATE, 1.92", // 2026-07-01: Q3, 7 %
            "2026-09-30, CORPORATE,     1.64", // 2026-10-01: Q4, 6 %
            "2026-12-30, NON_CORPORATE, 1.92", // 2026-12-31: Q4, 7 %
    })
    void interest_WhenOneDayAtQuarterChange_ThenRateOfThatDaysQuarter(LocalDate deposit, ImporterType type,
            BigDecimal expected) {
        InterestResult result = new InterestCalculator(RateTable.bundled()).interest(TEN_THOUSAND, deposit,
                deposit.plusDays(1), type);

        assertThat(result.interest()).isEqualTo(expected);
        assertThat(result.rateAssumed()).isFalse();
    }

    @Test
    void interest_WhenAcross2026Q2_ThenEachQuarterAtItsRate() {
        // 2026-03-31 → 2026-07-01: 91 days of Q2 at 5 %, then one day of Q3 at 6 %.
        InterestResult result = new InterestCalculator(RateTable.bundled()).interest(TEN_THOUSAND,
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 7, 1), ImporterType.CORPORATE);

        BigDecimal expected = TEN_THOUSAND
            .multiply(InterestCalculator.dailyFactor(new BigDecimal("5"), 365)
                .pow(91, MathContext.DECIMAL128)
                .multiply(InterestCalculator.dailyFactor(new BigDecimal("6"), 365)))
            .subtract(TEN_THOUSAND)
            .setScale(2, RoundingMode.HALF_UP);
        assertThat(result.interest()).isEqualTo(expected).isEqualTo("127.09");
        assertThat(result.rateAssumed()).isFalse();
    }

    @Test
    void interest_WhenMoreDays_ThenNeverLess() {
        InterestCalculator calculator = new InterestCalculator(varying);
        BigDecimal principal = new BigDecimal("54321.09");
        LocalDate deposit = LocalDate.of(2027, 8, 20);
        BigDecimal previous = BigDecimal.ZERO;
        for (int days = 0; days <= 700; days++) {
            BigDecimal interest = calculator
                .interest(principal, deposit, deposit.plusDays(days), ImporterType.CORPORATE)
                .interest();

            assertThat(interest).as("%d days", days).isGreaterThanOrEqualTo(previous);
            previous = interest;
        }
        assertThat(previous).isGreaterThan(new BigDecimal("5000"));
    }

    @Test
    void interest_WhenHigherRate_ThenMore() {
        BigDecimal principal = new BigDecimal("250000.00");
        LocalDate deposit = LocalDate.of(2025, 3, 1);
        LocalDate end = LocalDate.of(2026, 3, 1);
        BigDecimal previous = BigDecimal.ZERO;
        for (String percent : new String[] { "0", "0.5", "3", "6", "6.01", "7", "12" }) {
            RateTable flat = flatTable("2025-01-01", "2026-03-31", percent);

            BigDecimal interest = new InterestCalculator(flat).interest(principal, deposit, end, ImporterType.CORPORATE)
                .interest();

            assertThat(interest).as("%s %%", percent).isGreaterThanOrEqualTo(previous);
            if (!percent.equals("0")) {
                assertThat(interest).isGreaterThan(previous);
            }
            previous = interest;
        }
    }

    @Test
    void interest_WhenNonCorporateColumnHigher_ThenNonCorporateEarnsMore() {
        InterestCalculator calculator = new InterestCalculator(varying);
        IntStream.range(1, 600).forEach(days -> {
            LocalDate deposit = LocalDate.of(2027, 7, 1);
            BigDecimal corporate = calculator
                .interest(TEN_THOUSAND, deposit, deposit.plusDays(days), ImporterType.CORPORATE)
                .interest();
            BigDecimal nonCorporate = calculator
                .interest(TEN_THOUSAND, deposit, deposit.plusDays(days), ImporterType.NON_CORPORATE)
                .interest();

            assertThat(nonCorporate).isGreaterThan(corporate);
        });
    }

    /**
     * The SPEC §4 formula taken literally: one multiplication per day, rate looked up by
     * linear scan.
     */
    private static InterestResult dayByDay(RateTable table, BigDecimal principal, LocalDate deposit, LocalDate end,
            ImporterType type) {
        MathContext mc = new MathContext(60);
        BigDecimal factor = BigDecimal.ONE;
        boolean assumed = false;
        for (LocalDate d = deposit.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            QuarterRate quarter = null;
            for (QuarterRate q : table.quarters()) {
                if (q.contains(d)) {
                    quarter = q;
                }
            }
            if (quarter == null) {
                assumed = true;
                quarter = d.isBefore(table.firstDay()) ? table.quarters().get(0)
                        : table.quarters().get(table.quarters().size() - 1);
            }
            BigDecimal r = quarter.percentFor(type).divide(BigDecimal.valueOf(100), mc);
            factor = factor.multiply(BigDecimal.ONE.add(r.divide(BigDecimal.valueOf(d.lengthOfYear()), mc)), mc);
        }
        BigDecimal interest = principal.multiply(factor, mc).subtract(principal);
        return new InterestResult(interest.setScale(2, RoundingMode.HALF_UP), assumed);
    }

    private static RateTable varyingFlat() {
        return flatTable("2027-10-01", "2029-03-31", "7");
    }

    private static RateTable flatTable(String from, String to, String percent) {
        StringBuilder csv = new StringBuilder("quarter_start,quarter_end,noncorporate_rate_pct,corporate_rate_pct\n");
        for (LocalDate q = LocalDate.parse(from); !q.isAfter(LocalDate.parse(to)); q = q.plusMonths(3)) {
            csv.append(q)
                .append(',')
                .append(q.plusMonths(3).minusDays(1))
                .append(',')
                .append(percent)
                .append(',')
                .append(percent)
                .append('\n');
        }
        try {
            Path file = Files.createTempFile(dir, "flat", ".csv");
            Files.writeString(file, csv);
            return RateTable.load(file);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
