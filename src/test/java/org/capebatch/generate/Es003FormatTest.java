package org.capebatch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Es003FormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "0          | $0.00", "5          | $0.05", "123456     | $1,234.56",
            "100000000  | $1,000,000.00", "99999      | $999.99", })
    void money_WhenCents_ThenDollarsWithThousandsCommas(long cents, String expected) {
        assertThat(Es003Format.money(cents)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "2025-02-04, 02/04/2025", "2026-11-30, 11/30/2026", "2031-01-09, 01/09/2031" })
    void date_WhenAnyDate_ThenMonthDayYear(LocalDate date, String expected) {
        assertThat(Es003Format.date(date)).isEqualTo(expected);
    }

}
