package org.capebatch.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Es003RowParserTest {

    private static final RowSource SOURCE = new RowSource("a.csv", 7);

    private static final Es003Header ALL_COLUMNS = Es003Header.resolve("a.csv",
            Arrays.stream(Es003Column.values()).map(Es003Column::header).toList());

    private static final Es003Header REQUIRED_ONLY = Es003Header.resolve("a.csv",
            Arrays.stream(Es003Column.values()).filter(Es003Column::required).map(Es003Column::header).toList());

    private final Es003RowParser parser = new Es003RowParser();

    @Test
    void parse_WhenEveryColumnValid_ThenTariffRowWithAllValues() {
        Map<Es003Column, String> values = validRow();
        values.put(Es003Column.ENTRY_SUMMARY_NUMBER, "=\"ABC-1234567-6\"");
        values.put(Es003Column.ENTRY_TYPE_CODE, "1");
        values.put(Es003Column.IMPORTER_NUMBER, " 12-345678900 ");
        values.put(Es003Column.HTS_NUMBER_FULL, "9903.01.25");
        values.put(Es003Column.LINE_TARIFF_DUTY_AMOUNT, "$1,234.56");
        values.put(Es003Column.ENTRY_SUMMARY_LINE_NUMBER, "3");
        values.put(Es003Column.TARIFF_ORDINAL_NUMBER, "2");
        values.put(Es003Column.ENTRY_SUMMARY_DATE, "4/20/2025");
        values.put(Es003Column.PAYMENT_DATE, "2025-05-01");
        values.put(Es003Column.ENTRY_SUMMARY_STATUS, "accepted");
        values.put(Es003Column.LIQUIDATION_STATUS, "Under Review");
        values.put(Es003Column.LIQUIDATION_DATE, "");
        values.put(Es003Column.RECONCILIATION_FLAG, "Y");
        values.put(Es003Column.RECONCILIATION_SUMMARY_FILED, "no");
        values.put(Es003Column.DRAWBACK_FLAG, "TRUE");
        values.put(Es003Column.SURETY_PAID, "0");
        values.put(Es003Column.PROTEST_STATUS, "open");
        values.put(Es003Column.ADCVD_STATUS, "pending liquidation");
        values.put(Es003Column.STATEMENT_STATUS, "Unpaid");
        values.put(Es003Column.IMPORTER_TYPE, "non-corporate");

        ParsedRow parsed = parser.parse(SOURCE, ALL_COLUMNS, cells(values));

        assertThat(parsed.rejected()).isFalse();
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.entryNumber()).isEqualTo(EntryNumber.parse("ABC12345676"));
        TariffRow row = parsed.row();
        assertThat(row.source()).isEqualTo(SOURCE);
        assertThat(row.entryNumber()).isEqualTo(parsed.entryNumber());
        assertThat(row.lineNumber()).isEqualTo(3);
        assertThat(row.tariffOrdinal()).isEqualTo(2);
        assertThat(row.htsNumber()).isEqualTo("99030125");
        assertThat(row.duty()).isEqualByComparingTo("1234.56");
        assertThat(row.facts()).isEqualTo(new EntryFacts("01", "12-345678900", LocalDate.of(2025, 4, 10),
                LocalDate.of(2025, 4, 20), LocalDate.of(2025, 5, 1), SummaryStatus.ACCEPTED,
                LiquidationStatus.UNDER_REVIEW, null, true, false, true, false, ProtestStatus.OPEN,
                AdcvdStatus.PENDING_LIQUIDATION, StatementStatus.UNPAID, ImporterType.NON_CORPORATE));
    }

    @Test
    void parse_WhenOptionalColumnsAbsent_ThenSpecDefaults() {
        ParsedRow parsed = parser.parse(SOURCE, REQUIRED_ONLY,
                new String[] { "ABC12345676", "01", "IMP1", "04/10/2025", "9903.01.25", "100.00" });

        assertThat(parsed.rejected()).isFalse();
        assertThat(parsed.row().lineNumber()).isNull();
        assertThat(parsed.row().tariffOrdinal()).isNull();
        assertThat(parsed.row().facts()).isEqualTo(new EntryFacts("01", "IMP1", LocalDate.of(2025, 4, 10), null, null,
                SummaryStatus.ACCEPTED, LiquidationStatus.UNLIQUIDATED, null, false, false, false, false,
                ProtestStatus.NONE, AdcvdStatus.NONE, StatementStatus.PAID, null));
    }

    @Test
    void parse_WhenOptionalColumnsBlank_ThenSpecDefaults() {
        ParsedRow parsed = parser.parse(SOURCE, ALL_COLUMNS, cells(validRow()));

        assertThat(parsed.row().facts()).isEqualTo(new EntryFacts("01", "IMP1", LocalDate.of(2025, 4, 10), null, null,
                SummaryStatus.ACCEPTED, LiquidationStatus.UNLIQUIDATED, null, false, false, false, false,
                ProtestStatus.NONE, AdcvdStatus.NONE, StatementStatus.PAID, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "''           | ''         | UNLIQUIDATED | ",
            "''           | 06/01/2025 | LIQUIDATED   | 2025-06-01",
            "Reliquidated | 06/01/2025 | RELIQUIDATED | 2025-06-01", "EXTENDED     | ''         | EXTENDED     | ",
            "unliquidated | 06/01/2025 | UNLIQUIDATED | 2025-06-01", })
    void parse_WhenLiquidationStatusBlankOrGiven_ThenDerivedFromDate(String status, String date,
            LiquidationStatus expected, LocalDate expectedDate) {
        Map<Es003Column, String> values = validRow();
        values.put(Es003Column.LIQUIDATION_STATUS, status);
        values.put(Es003Column.LIQUIDATION_DATE, date);

        EntryFacts facts = parser.parse(SOURCE, ALL_COLUMNS, cells(values)).row().facts();

        assertThat(facts.liquidationStatus()).isEqualTo(expected);
        assertThat(facts.liquidationDate()).isEqualTo(expectedDate);
    }

    @ParameterizedTest
    @CsvSource({ "'', 0", "FREE, 0", "$0.00, 0", "(5.00), -5.00" })
    void parse_WhenDutyBlankOrFree_ThenZeroNotError(String duty, String expected) {
        Map<Es003Column, String> values = validRow();
        values.put(Es003Column.LINE_TARIFF_DUTY_AMOUNT, duty);

        ParsedRow parsed = parser.parse(SOURCE, ALL_COLUMNS, cells(values));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.row().duty()).isEqualByComparingTo(expected);
    }

    @Test
    void parse_WhenManyValuesInvalid_ThenEveryErrorCollectedInColumnOrder() {
        Map<Es003Column, String> values = validRow();
        values.put(Es003Column.ENTRY_TYPE_CODE, "1A");
        values.put(Es003Column.ENTRY_DATE, "02/30/2025");
        values.put(Es003Column.LINE_TARIFF_DUTY_AMOUNT, "12,34");
        values.put(Es003Column.TARIFF_ORDINAL_NUMBER, "x");
        values.put(Es003Column.LIQUIDATION_STATUS, "maybe");
        values.put(Es003Column.DRAWBACK_FLAG, "perhaps");
        values.put(Es003Column.IMPORTER_TYPE, "government");

        ParsedRow parsed = parser.parse(SOURCE, ALL_COLUMNS, cells(values));

        assertThat(parsed.rejected()).isTrue();
        assertThat(parsed.row()).isNull();
        assertThat(parsed.entryNumber()).isEqualTo(EntryNumber.parse("ABC12345676"));
        assertThat(parsed.errors()).extracting(RowError::source, RowError::column, RowError::value)
            .containsExactly(tuple(SOURCE, "Entry Type Code", "1A"), tuple(SOURCE, "Entry Date", "02/30/2025"),
                    tuple(SOURCE, "Line Tariff Duty Amount", "12,34"), tuple(SOURCE, "Tariff Ordinal Number", "x"),
                    tuple(SOURCE, "Liquidation Status", "maybe"), tuple(SOURCE, "Drawback Flag", "perhaps"),
                    tuple(SOURCE, "Importer Type", "government"));
        assertThat(parsed.errors()).extracting(RowError::message).allSatisfy(m -> assertThat(m).isNotBlank());
        assertThat(parsed.errors().get(1).message()).isEqualTo("no such date: day 30 does not exist in 2025-02");
    }

    @Test
    void parse_WhenRequiredValuesBlank_ThenBlankErrorForEach() {
        Map<Es003Column, String> values = validRow();
        values.put(Es003Column.ENTRY_TYPE_CODE, " ");
        values.put(Es003Column.IMPORTER_NUMBER, "=\"\"");
        values.put(Es003Column.ENTRY_DATE, "");
        values.put(Es003Column.HTS_NUMBER_FULL, "");

        ParsedRow parsed = parser.parse(SOURCE, ALL_COLUMNS, cells(values));

        assertThat(parsed.errors()).extracting(RowError::column, RowError::message)
            .containsExactly(tuple("Entry Type Code", "required value is blank"),
                    tuple("Importer Number", "required value is blank"), tuple("Entry Date", "required value is blank"),
                    tuple("HTS Number - Full", "required value is blank"));
    }

    @Test
    void parse_WhenEntryNumberInvalid_ThenNoEntryNumberAndOtherErrorsToo() {
        Map<Es003Column, String> values = validRow();
        values.put(Es003Column.ENTRY_SUMMARY_NUMBER, "ABC-1234567-5");
        values.put(Es003Column.SURETY_PAID, "maybe");

        ParsedRow parsed = parser.parse(SOURCE, ALL_COLUMNS, cells(values));

        assertThat(parsed.entryNumber()).isNull();
        assertThat(parsed.row()).isNull();
        assertThat(parsed.errors()).extracting(RowError::column, RowError::value, RowError::message)
            .containsExactly(tuple("Entry Summary Number", "ABC-1234567-5", "check digit is 5, expected 6"),
                    tuple("Surety Paid", "maybe", "expected Y/N, YES/NO, TRUE/FALSE or 1/0"));
    }

    @Test
    void parse_WhenEntryNumberBlank_ThenRequiredError() {
        Map<Es003Column, String> values = validRow();
        values.put(Es003Column.ENTRY_SUMMARY_NUMBER, "");

        ParsedRow parsed = parser.parse(SOURCE, ALL_COLUMNS, cells(values));

        assertThat(parsed.entryNumber()).isNull();
        assertThat(parsed.errors()).extracting(RowError::column, RowError::value, RowError::message)
            .containsExactly(tuple("Entry Summary Number", "", "required value is blank"));
    }

    @Test
    void parse_WhenRowShorterThanHeader_ThenMissingRequiredAreBlankErrors() {
        ParsedRow parsed = parser.parse(SOURCE, REQUIRED_ONLY, new String[] { "ABC12345676", "01", "IMP1" });

        assertThat(parsed.errors()).extracting(RowError::column, RowError::value, RowError::message)
            .containsExactly(tuple("Entry Date", "", "required value is blank"),
                    tuple("HTS Number - Full", "", "required value is blank"));
    }

    private static Map<Es003Column, String> validRow() {
        Map<Es003Column, String> values = new EnumMap<>(Es003Column.class);
        for (Es003Column column : Es003Column.values()) {
            values.put(column, "");
        }
        values.put(Es003Column.ENTRY_SUMMARY_NUMBER, "ABC12345676");
        values.put(Es003Column.ENTRY_TYPE_CODE, "01");
        values.put(Es003Column.IMPORTER_NUMBER, "IMP1");
        values.put(Es003Column.ENTRY_DATE, "04/10/2025");
        values.put(Es003Column.HTS_NUMBER_FULL, "9903.01.25");
        values.put(Es003Column.LINE_TARIFF_DUTY_AMOUNT, "100.00");
        return values;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
            value = { "only row-level values differ            | HTS_NUMBER_FULL          | 9903.01.24",
                    "a row-level value is bad                | LINE_TARIFF_DUTY_AMOUNT  | 12..5",
                    "an entry-level value differs            | IMPORTER_NUMBER          | 99-9999999AA",
                    "an entry-level value is written else    | ENTRY_DATE               | 2025-06-16",
                    "an entry-level value is bad             | PAYMENT_DATE             | 13/45/2025", })
    void parseNext_WhenRowFollowsParsedRowOfSameEntry_ThenSameResultAsFullParse(String description, Es003Column column,
            String value) {
        // given
        Map<Es003Column, String> first = validRow();
        first.put(Es003Column.ENTRY_DATE, "06/16/2025");
        Map<Es003Column, String> next = new java.util.EnumMap<>(first);
        next.put(Es003Column.TARIFF_ORDINAL_NUMBER, "2");
        next.put(column, value);
        ParsedRow previous = parser.parse(SOURCE, ALL_COLUMNS, cells(first));
        RowSource nextSource = new RowSource("a.csv", 8);
        // when
        ParsedRow fast = parser.parseNext(nextSource, ALL_COLUMNS, cells(next), previous, cells(first));
        // then
        assertThat(fast).isEqualTo(parser.parse(nextSource, ALL_COLUMNS, cells(next)));
    }

    @Test
    void parseNext_WhenPreviousRowRejected_ThenFullParse() {
        Map<Es003Column, String> bad = validRow();
        bad.put(Es003Column.ENTRY_DATE, "02/30/2025");
        ParsedRow previous = parser.parse(SOURCE, ALL_COLUMNS, cells(bad));
        assertThat(previous.rejected()).isTrue();

        ParsedRow next = parser.parseNext(SOURCE, ALL_COLUMNS, cells(bad), previous, cells(bad));

        assertThat(next).isEqualTo(parser.parse(SOURCE, ALL_COLUMNS, cells(bad)));
        assertThat(next.errors()).extracting(RowError::column).contains("Entry Date");
    }

    private static String[] cells(Map<Es003Column, String> values) {
        List<String> cells = Arrays.stream(Es003Column.values()).map(values::get).toList();
        return cells.toArray(String[]::new);
    }

}
