package org.capebatch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SensitiveTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            importer 123-45-6789 rejected             | importer ***-**-6789 rejected
            123-45-6789                               | ***-**-6789
            SSN123-45-6789,next                       | SSN***-**-6789,next
            a 111-22-3333 and b 444-55-6666           | a ***-**-3333 and b ***-**-6666
            entry ABC-1234567-8 on 2025-04-05         | entry ABC-1234567-8 on 2025-04-05
            longer 1123-45-6789 or 123-45-67890       | longer 1123-45-6789 or 123-45-67890
            EIN 12-3456789 stays                      | EIN 12-3456789 stays
            """)
    void mask_WhenText_ThenOnlySsnFormatNumbersMasked(String text, String expected) {
        assertThat(SensitiveText.mask(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = { "NULL", "''" })
    void mask_WhenNullOrEmpty_ThenUnchanged(String text) {
        assertThat(SensitiveText.mask(text)).isEqualTo(text);
    }

}
