package org.capebatch.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Es003ValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "abc                | abc", "'  abc  '          | abc", "'\tabc\r\n'        | abc",
                    "'\u00A0abc\u00A0'  | abc", "'\uFEFFabc'        | abc", "'=\"00123\"'       | 00123",
                    "'  =\" 00123 \"  ' | 00123", "'=\"\"'            | ''", "'=abc'             | =abc",
                    "'=\"abc'           | =\"abc", "'a b'              | a b", })
    void clean_WhenWrappedOrPadded_ThenBareText(String raw, String expected) {
        assertThat(Es003Values.clean(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "=\"\"", "=\"  \"" })
    void clean_WhenNothing_ThenEmpty(String raw) {
        assertThat(Es003Values.clean(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "03/04/2025       | 2025-03-04", "3/4/2025         | 2025-03-04", "12/31/2025       | 2025-12-31",
                    "1/15/2026        | 2026-01-15", "02/29/2024       | 2024-02-29", "2025-03-04       | 2025-03-04",
                    "2026-02-23       | 2026-02-23", "'  03/04/2025 '  | 2025-03-04", "'=\"03/04/2025\"' | 2025-03-04",
                    "'=\"2025-03-04\"' | 2025-03-04", })
    void date_WhenSpecFormat_ThenParsed(String raw, LocalDate expected) {
        assertThat(Es003Values.date(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "  ", "=\"\"" })
    void date_WhenBlank_ThenNull(String raw) {
        assertThat(Es003Values.date(raw)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "02/30/2025   | day 30 does not exist in 2025-02",
            "02/29/2025   | day 29 does not exist in 2025-02", "04/31/2025   | day 31 does not exist in 2025-04",
            "2025-02-30   | day 30 does not exist in 2025-02", "13/01/2025   | month 13 does not exist",
            "00/10/2025   | month 0 does not exist", "01/00/2025   | day 0 does not exist",
            "03/04/25     | expected a date", "2025/03/04   | expected a date", "03-04-2025   | expected a date",
            "2025-3       | expected a date", "03.04.2025   | expected a date", "March 4 2025 | expected a date",
            "03/04/2025 10:00 | expected a date", "123/4/2025   | expected a date", "0x/04/2025   | expected a date",
            "45720        | expected a date", })
    void date_WhenInvalid_ThenError(String raw, String message) {
        assertThatThrownBy(() -> Es003Values.date(raw)).isInstanceOf(InvalidValueException.class)
            .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "1234.56        | 1234.56", "$1234.56       | 1234.56",
            "$1,234.56      | 1234.56", "1,234,567.89   | 1234567.89", "123,456        | 123456",
            "0.00           | 0.00", "$0.00          | 0.00", "25             | 25", ".50            | 0.50",
            "-12.00         | -12.00", "-$12.00        | -12.00", "$-12.00        | -12.00", "(12.00)        | -12.00",
            "($1,234.56)    | -1234.56", "'$ 12.00'      | 12.00", "'  $1,234.56 ' | 1234.56", "'=\"$25.00\"'  | 25.00",
            "FREE           | 0.00", "free           | 0.00", "Free           | 0.00", })
    void money_WhenSpecFormat_ThenExactDecimal(String raw, BigDecimal expected) {
        BigDecimal actual = Es003Values.money(raw);

        assertThat(actual).isEqualByComparingTo(expected);
        assertThat(actual.scale()).isEqualTo(Math.max(expected.scale(), 0));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "=\"\"" })
    void money_WhenBlank_ThenZero(String raw) {
        assertThat(Es003Values.money(raw)).isEqualByComparingTo("0");
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "$", "-", "()", "12.34.56", "1,23", "1234,567", ",123", "1,2345.00", "1,234,56",
            "1,23.45", "12,34.56", "1.234,56", "(12.00", "12.00)", "--12", "-(12.00)", "+12", "12-", "12 34", "$$12",
            "12.3x", "1e5", "EUR 12", "12,345.6,7" })
    void money_WhenInvalid_ThenError(String raw) {
        assertThatThrownBy(() -> Es003Values.money(raw)).isInstanceOf(InvalidValueException.class)
            .hasMessageContaining("expected an amount");
    }

    @ParameterizedTest
    @CsvSource({ "Y, true", "y, true", "YES, true", "Yes, true", "yes, true", "TRUE, true", "True, true", "true, true",
            "1, true", "N, false", "n, false", "NO, false", "No, false", "FALSE, false", "false, false", "0, false",
            "' Y ', true", "'=\"Y\"', true", "'=\"N\"', false", "'', false", })
    void flag_WhenSpecForm_ThenParsed(String raw, boolean expected) {
        assertThat(Es003Values.flag(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "  " })
    void flag_WhenBlank_ThenFalse(String raw) {
        assertThat(Es003Values.flag(raw)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "X", "2", "YE", "T", "F", "on", "off", "yes please", "1.0", "-1" })
    void flag_WhenInvalid_ThenError(String raw) {
        assertThatThrownBy(() -> Es003Values.flag(raw)).isInstanceOf(InvalidValueException.class)
            .hasMessage("expected Y/N, YES/NO, TRUE/FALSE or 1/0");
    }

    @ParameterizedTest
    @CsvSource({ "01, 01", "1, 01", "11, 11", "47, 47", "' 1 ', 01", "'=\"01\"', 01", "0, 00" })
    void entryType_WhenOneOrTwoDigits_ThenTwoDigits(String raw, String expected) {
        assertThat(Es003Values.entryType(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "''    | entry type is blank", "001   | entry type must be two digits",
                    "1.0   | entry type must be two digits", "A1    | entry type must be two digits",
                    "-1    | entry type must be two digits", })
    void entryType_WhenInvalid_ThenError(String raw, String message) {
        assertThatThrownBy(() -> Es003Values.entryType(raw)).isInstanceOf(InvalidValueException.class)
            .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource({ "9903.01.25, 99030125", "9903010000, 9903010000", "8471.30.0100, 8471300100",
            "'8471 30 0100', 8471300100", "'=\"9903.01.25\"', 99030125", "' 9903.01.25 ', 99030125", })
    void hts_WhenDotsOrSpaces_ThenDigitsOnly(String raw, String expected) {
        assertThat(Es003Values.hts(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "''          | HTS number is blank", "'. .'       | HTS number is blank",
            "9903-01-25  | HTS number must be digits", "9903.01.2A  | HTS number must be digits", })
    void hts_WhenInvalid_ThenError(String raw, String message) {
        assertThatThrownBy(() -> Es003Values.hts(raw)).isInstanceOf(InvalidValueException.class)
            .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "UNDER_REVIEW        | UNDER_REVIEW", "Under Review        | UNDER_REVIEW",
                    "under-review        | UNDER_REVIEW", "'  UNDER  REVIEW  ' | UNDER_REVIEW",
                    "'=\"Under Review\"' | UNDER_REVIEW", "liquidated          | LIQUIDATED",
                    "Reliquidated        | RELIQUIDATED", "EXTENDED            | EXTENDED",
                    "''                  | UNLIQUIDATED", })
    void status_WhenLiquidationWord_ThenConstant(String raw, LiquidationStatus expected) {
        assertThat(Es003Values.status(raw, LiquidationStatus.class, LiquidationStatus.UNLIQUIDATED))
            .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "non-corporate  | NON_CORPORATE", "NON_CORPORATE  | NON_CORPORATE",
            "Non Corporate  | NON_CORPORATE", "corporate      | CORPORATE", })
    void status_WhenImporterType_ThenConstant(String raw, ImporterType expected) {
        assertThat(Es003Values.status(raw, ImporterType.class, null)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "pending liquidation | PENDING_LIQUIDATION", "Pending-Liquidation | PENDING_LIQUIDATION",
                    "SUSPENDED           | SUSPENDED", "none                | NONE", "''                  | NONE", })
    void status_WhenAdcvdWord_ThenConstant(String raw, AdcvdStatus expected) {
        assertThat(Es003Values.status(raw, AdcvdStatus.class, AdcvdStatus.NONE)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "  ", "=\"\"" })
    void status_WhenBlank_ThenDefault(String raw) {
        assertThat(Es003Values.status(raw, SummaryStatus.class, SummaryStatus.ACCEPTED))
            .isEqualTo(SummaryStatus.ACCEPTED);
        assertThat(Es003Values.status(raw, ImporterType.class, null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ACCEPT", "OK", "N/A", "CANCELED", "1" })
    void status_WhenUnknownWord_ThenErrorListsTheWords(String raw) {
        assertThatThrownBy(() -> Es003Values.status(raw, SummaryStatus.class, SummaryStatus.ACCEPTED))
            .isInstanceOf(InvalidValueException.class)
            .hasMessage("expected one of ACCEPTED, CANCELLED, REJECTED");
    }

    @ParameterizedTest
    @CsvSource({ "1, 1", "12, 12", "007, 7", "' 3 ', 3", "'=\"12\"', 12", "999999999, 999999999" })
    void optionalInt_WhenDigits_ThenNumber(String raw, Integer expected) {
        assertThat(Es003Values.optionalInt(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { " " })
    void optionalInt_WhenBlank_ThenNull(String raw) {
        assertThat(Es003Values.optionalInt(raw)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1.0", "-1", "one", "1 2", "1234567890" })
    void optionalInt_WhenNotWholeNumber_ThenError(String raw) {
        assertThatThrownBy(() -> Es003Values.optionalInt(raw)).isInstanceOf(InvalidValueException.class)
            .hasMessage("expected a whole number of at most 9 digits");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "9999999999.99     | 9999999999.99", "-$9,999,999,999.99 | -9999999999.99",
            "2000.000          | 2000.000", "1.50              | 1.50", })
    void money_WhenAtItsBounds_ThenAccepted(String raw, BigDecimal expected) {
        assertThat(Es003Values.money(raw)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "10000000000.00             | amount beyond 9999999999.99 on one row",
                    "$10,000,000,000,000,000.00 | amount beyond 9999999999.99 on one row",
                    "(10000000000)              | amount beyond 9999999999.99 on one row",
                    "2.005                      | amount has fractions of a cent",
                    "0.001                      | amount has fractions of a cent", })
    void money_WhenBeyondItsBounds_ThenError(String raw, String message) {
        assertThatThrownBy(() -> Es003Values.money(raw)).isInstanceOf(InvalidValueException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource({ "01/01/1900, 1900-01-01", "12/31/2099, 2099-12-31" })
    void date_WhenAtYearBounds_ThenParsed(String raw, LocalDate expected) {
        assertThat(Es003Values.date(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "12/31/1899, year 1899 is outside 1900-2099", "0001-01-01, year 1 is outside 1900-2099",
            "9999-12-31, year 9999 is outside 1900-2099" })
    void date_WhenYearBeyondBounds_ThenError(String raw, String message) {
        assertThatThrownBy(() -> Es003Values.date(raw)).isInstanceOf(InvalidValueException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "'12-34\u000056'       | control character U+0000 at position 6",
                    "'12\t34'              | control character U+0009 at position 3",
                    "'12\n34'              | control character U+000A at position 3",
                    "'12\u007F'            | control character U+007F at position 3",
                    "'12\u009B3'           | control character U+009B at position 3",
                    "'47\uFFFD23'          | character U+FFFD at position 3: bytes not valid in the file's encoding",
                    "'ab\uFFFF'            | U+FFFF at position 3 is not a character",
                    "'ab\uD800c'           | broken character (lone surrogate) at position 3", })
    void checkText_WhenCharacterNobodyTypes_ThenError(String raw, String message) {
        String value = raw.translateEscapes();

        assertThatThrownBy(() -> Es003Values.checkText(value)).isInstanceOf(InvalidValueException.class)
            .hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Société Générale", "\t12-3456789AB\r\n", "\uD83D\uDE00 ok", "=\"0123\"" })
    void checkText_WhenOrdinaryTextOrSurroundingWhitespace_ThenAccepted(String raw) {
        Es003Values.checkText(raw.translateEscapes());
        Es003Values.checkText("x".repeat(Es003Values.MAX_VALUE_CHARS));
    }

    @org.junit.jupiter.api.Test
    void checkText_WhenLongerThanBound_ThenErrorWithLength() {
        assertThatThrownBy(() -> Es003Values.checkText("4".repeat(300))).isInstanceOf(InvalidValueException.class)
            .hasMessage("value is 300 characters long, more than 256");
    }

    @org.junit.jupiter.api.Test
    void importerNumber_WhenLongerThan40_ThenError() {
        assertThat(Es003Values.importerNumber(" " + "1".repeat(40) + " ")).hasSize(40);
        assertThatThrownBy(() -> Es003Values.importerNumber("1".repeat(41))).isInstanceOf(InvalidValueException.class)
            .hasMessage("importer number is 41 characters long, more than 40");
    }

}
