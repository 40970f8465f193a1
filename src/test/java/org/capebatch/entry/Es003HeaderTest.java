package org.capebatch.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class Es003HeaderTest {

    private static final List<String> REQUIRED = List.of("Entry Summary Number", "Entry Type Code", "Importer Number",
            "Entry Date", "HTS Number - Full", "Line Tariff Duty Amount");

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "HTS Number - Full        | htsnumberfull", "Entry Summary Number     | entrysummarynumber",
                    "ADCVD Status             | adcvdstatus", "Line Tariff Duty Amount  | linetariffdutyamount", })
    void key_WhenCanonicalHeader_ThenLettersAndDigitsLowerCase(String header, String key) {
        Es003Column column = Arrays.stream(Es003Column.values())
            .filter(c -> c.header().equals(header))
            .findFirst()
            .orElseThrow();

        assertThat(column.key()).isEqualTo(key);
    }

    @ParameterizedTest
    @EnumSource(Es003Column.class)
    void required_WhenColumn_ThenAsSpecTable(Es003Column column) {
        assertThat(column.required()).isEqualTo(REQUIRED.contains(column.header()));
        boolean lineLevel = List
            .of(Es003Column.HTS_NUMBER_FULL, Es003Column.LINE_TARIFF_DUTY_AMOUNT, Es003Column.ENTRY_SUMMARY_LINE_NUMBER,
                    Es003Column.TARIFF_ORDINAL_NUMBER)
            .contains(column);
        assertThat(column.entryLevel()).isEqualTo(!lineLevel);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "HTS Number - Full", "hts number - full", "HTS_NUMBER_FULL", "htsNumberFull",
            "'  HTS Number (Full) '", "'\uFEFFHTS Number - Full'", "'=\"HTS Number - Full\"'", })
    void resolve_WhenHeaderSpelledDifferently_ThenMatched(String htsHeader) {
        List<String> cells = new ArrayList<>(REQUIRED);
        cells.set(4, htsHeader);

        Es003Header header = Es003Header.resolve("a.csv", cells);

        assertThat(header.index(Es003Column.HTS_NUMBER_FULL)).isEqualTo(4);
    }

    @Test
    void resolve_WhenBomOnFirstHeader_ThenEntryNumberMatched() {
        List<String> cells = new ArrayList<>(REQUIRED);
        cells.set(0, "\uFEFFEntry Summary Number");

        assertThat(Es003Header.resolve("a.csv", cells).index(Es003Column.ENTRY_SUMMARY_NUMBER)).isZero();
    }

    @Test
    void resolve_WhenUnknownAndOptionalColumns_ThenIndexesByPosition() {
        List<String> cells = List.of("Port of Entry Code", "Entry Summary Number", "Line Tariff Goods Value Amount",
                "Entry Type Code", "Importer Number", "Entry Date", "HTS Number - Full", "Line Tariff Duty Amount",
                "Liquidation Date", "");

        Es003Header header = Es003Header.resolve("a.csv", cells);

        assertThat(header.index(Es003Column.ENTRY_SUMMARY_NUMBER)).isEqualTo(1);
        assertThat(header.index(Es003Column.LINE_TARIFF_DUTY_AMOUNT)).isEqualTo(7);
        assertThat(header.index(Es003Column.LIQUIDATION_DATE)).isEqualTo(8);
        assertThat(header.has(Es003Column.LIQUIDATION_DATE)).isTrue();
        assertThat(header.index(Es003Column.PAYMENT_DATE)).isEqualTo(-1);
        assertThat(header.has(Es003Column.PAYMENT_DATE)).isFalse();
    }

    @Test
    void resolve_WhenHeaderTwice_ThenFirstUsed() {
        List<String> cells = new ArrayList<>(REQUIRED);
        cells.add("entry date");

        assertThat(Es003Header.resolve("a.csv", cells).index(Es003Column.ENTRY_DATE)).isEqualTo(3);
    }

    @Test
    void resolve_WhenRequiredMissing_ThenMessageNamesFileAndEveryColumn() {
        List<String> cells = List.of("Entry Summary Number", "Entry Type Code", "Importer Number",
                "Line Tariff Duty Amount", "Payment Date");

        MissingColumnsException e = catchThrowableOfType(MissingColumnsException.class,
                () -> Es003Header.resolve("sample.csv", cells));

        assertThat(e).hasMessage("sample.csv: missing required column(s): Entry Date, HTS Number - Full");
        assertThat(e.fileName()).isEqualTo("sample.csv");
        assertThat(e.missing()).containsExactly(Es003Column.ENTRY_DATE, Es003Column.HTS_NUMBER_FULL);
    }

    @Test
    void resolve_WhenNoHeaders_ThenAllRequiredMissing() {
        MissingColumnsException e = catchThrowableOfType(MissingColumnsException.class,
                () -> Es003Header.resolve("empty.xlsx", List.of()));

        assertThat(e.missing()).hasSize(6);
        assertThat(e).hasMessage("empty.xlsx: missing required column(s): Entry Summary Number, Entry Type Code, "
                + "Importer Number, Entry Date, HTS Number - Full, Line Tariff Duty Amount");
    }

    @Test
    void value_WhenAbsentOrShortRow_ThenNull() {
        List<String> cells = new ArrayList<>(REQUIRED);
        cells.add("Payment Date");
        Es003Header header = Es003Header.resolve("a.csv", cells);

        String[] full = { "n", "t", "i", "d", "h", "a", "p" };
        String[] shortRow = { "n", "t", "i" };

        assertThat(header.value(full, Es003Column.PAYMENT_DATE)).isEqualTo("p");
        assertThat(header.value(full, Es003Column.IMPORTER_NUMBER)).isEqualTo("i");
        assertThat(header.value(shortRow, Es003Column.PAYMENT_DATE)).isNull();
        assertThat(header.value(full, Es003Column.LIQUIDATION_DATE)).isNull();
    }

    /**
     * Every required column, an unknown one and an unnamed last one (a header written
     * with a trailing comma).
     */
    private static final List<String> WIDE = List.of("Entry Summary Number", "Entry Type Code", "Importer Number",
            "Entry Date", "HTS Number - Full", "Line Tariff Duty Amount", "Note", "");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5 | Line Tariff Duty Amount | row has 5 of the header's 8 fields (cut off?): missing Line Tariff Duty Amount, Note, (unnamed)",
            "6 | Note                    | row has 6 of the header's 8 fields (cut off?): missing Note, (unnamed)",
            "1 | Entry Type Code         | row has 1 of the header's 8 fields (cut off?): missing Entry Type Code, Importer Number, Entry Date, HTS Number - Full, Line Tariff Duty Amount, Note, (unnamed)", })
    void shortRow_WhenFewerCellsThanHeader_ThenErrorNamesMissingColumns(int cells, String column, String message) {
        Es003Header header = Es003Header.resolve("f.csv", WIDE);

        RowError error = header.shortRow(new RowSource("f.csv", 7), new String[cells]);

        assertThat(error).isEqualTo(new RowError(new RowSource("f.csv", 7), column, "", message));
    }

    @ParameterizedTest
    @CsvSource({ "7", "8", "9" })
    void shortRow_WhenOnlyUnnamedTrailingCellMissingOrRowFull_ThenNone(int cells) {
        Es003Header header = Es003Header.resolve("f.csv", WIDE);

        assertThat(header.shortRow(new RowSource("f.csv", 2), new String[cells])).isNull();
    }

}
