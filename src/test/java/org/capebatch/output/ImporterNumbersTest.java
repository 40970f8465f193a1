package org.capebatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImporterNumbersTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL",
            value = { "123-45-6789, ***-**-6789", "12-3456789AB, 12-3456789AB", "123456789, 123456789",
                    "123-45-67890, 123-45-67890", "123 45 6789, ***-**-6789", "123\u201345\u20136789AB, ***-**-6789",
                    "' 123-45-6789 00 ', ***-**-6789", "NULL, NULL" })
    void masked_WhenImporterNumber_ThenOnlySsnMasked(String importer, String expected) {
        assertThat(ImporterNumbers.masked(importer)).isEqualTo(expected);
    }

}
