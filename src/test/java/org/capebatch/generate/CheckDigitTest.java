package org.capebatch.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.capebatch.entry.EntryNumber;
import org.junit.jupiter.api.Test;

class CheckDigitTest {

    @Test
    void entryNumber_WhenShortSequence_ThenZeroPaddedWithCheckDigit() {
        assertThat(CheckDigit.entryNumber("ABC", 1234567)).isEqualTo("ABC12345676");
        assertThat(CheckDigit.entryNumber("SZ9", 1)).isEqualTo("SZ900000018");
    }

    @Test
    void entryNumber_WhenGenerated_ThenParsesAsValid() {
        for (int sequence = 0; sequence < 2_000; sequence += 7) {
            String number = CheckDigit.entryNumber("XMP", sequence);
            assertThat(EntryNumber.parse(number).value()).isEqualTo(number);
        }
    }

    @Test
    void entryNumber_WhenSequenceOutOfRange_ThenRejected() {
        assertThatThrownBy(() -> CheckDigit.entryNumber("ABC", 10_000_000))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
