package org.capebatch.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCellsTest {

    @ParameterizedTest(name = "[{index}] <{0}> -> <{1}>")
    @CsvSource(delimiter = '|', quoteCharacter = '`', emptyValue = "", nullValues = "NULL",
            value = { "NULL          | ``", "``            | ``", "ABC12345676   | ABC12345676",
                    "=SUM(A1:A9)   | '=SUM(A1:A9)", "+1            | '+1", "-5            | '-5",
                    "@cmd          | '@cmd", "a=b           | a=b", "Smith, John   | `\"Smith, John\"`",
                    "say \"hi\"    | `\"say \"\"hi\"\"\"`", "=1,2          | `\"'=1,2\"`", })
    void text_WhenValue_ThenEscaped(String value, String expected) {
        assertThat(CsvCells.text(value)).isEqualTo(expected);
    }

    @Test
    void text_WhenLeadingTabOrCr_ThenNeutralisedLikeAFormula() {
        // Spreadsheets skip a leading tab or CR before looking for a formula (issue 7
        // item 9).
        assertThat(CsvCells.text("\t=1+2")).isEqualTo("'\t=1+2");
        assertThat(CsvCells.text("\r=HYPERLINK(1)")).isEqualTo("\"'\r=HYPERLINK(1)\"");
        assertThat(CsvCells.text("\tplain")).isEqualTo("'\tplain");
        assertThat(CsvCells.text("a\tb")).isEqualTo("a\tb");
    }

    @Test
    void text_WhenLineBreaks_ThenQuotedAndKept() {
        assertThat(CsvCells.text("a\r\nb")).isEqualTo("\"a\r\nb\"");
        assertThat(CsvCells.text("a\nb")).isEqualTo("\"a\nb\"");
    }

    @ParameterizedTest
    @CsvSource({ "0, 0.00", "1.5, 1.50", "1234567.89, 1234567.89", "-5, -5.00", "1E+3, 1000.00", "2.100, 2.10" })
    void money_WhenAmount_ThenPlainTwoDecimals(String amount, String expected) {
        assertThat(CsvCells.money(new BigDecimal(amount))).isEqualTo(expected);
    }

    @Test
    void money_WhenFractionOfCent_ThenRefused() {
        assertThatThrownBy(() -> CsvCells.money(new BigDecimal("1.005"))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("1.005");
    }

    @Test
    void money_WhenNull_ThenEmpty() {
        assertThat(CsvCells.money(null)).isEmpty();
    }

    @Test
    void date_WhenDateOrNull_ThenIsoOrEmpty() {
        assertThat(CsvCells.date(LocalDate.of(2026, 3, 7))).isEqualTo("2026-03-07");
        assertThat(CsvCells.date(null)).isEmpty();
    }

    @Test
    void flag_WhenBoolean_ThenYOrN() {
        assertThat(CsvCells.flag(true)).isEqualTo("Y");
        assertThat(CsvCells.flag(false)).isEqualTo("N");
    }

}
