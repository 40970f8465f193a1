package org.capebatch.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckDigitTest {

    @ParameterizedTest
    @CsvSource({
        // worked examples of CAPE-RULES §6
        "ABC1234567, 6",
        "1234567890, 3",
        "SZ90000001, 8",
        // J-R restart at 1, so J behaves like A and R like I
        "JKL1234567, 6",
        "0000000000, 0",
    })
    void of_WhenTenCharacters_ThenCheckDigit(String body, int expected) {
        assertThat(CheckDigit.of(body)).isEqualTo(expected);
    }

    @Test
    void entryNumber_WhenShortSequence_ThenZeroPaddedWithCheckDigit() {
        assertThat(CheckDigit.entryNumber("ABC", 1234567)).isEqualTo("ABC12345676");
        assertThat(CheckDigit.entryNumber("SZ9", 1)).isEqualTo("SZ900000018");
    }

    @Test
    void of_WhenNotTenCharacters_ThenRejected() {
        assertThatThrownBy(() -> CheckDigit.of("ABC123")).isInstanceOf(IllegalArgumentException.class);
    }
}
