package org.capebatch.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.capebatch.entry.EntryNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeclarationGroupsTest {

    private static final EntryNumber ENTRY = new EntryNumber("ABC12345676");

    @ParameterizedTest
    @CsvSource(nullValues = "null",
            value = { "IMPORTER,   12-3456789AB,    123456789AB", "IMPORTER,   ' 12-3456789ab ', 123456789AB",
                    "IMPORTER,   991234-56789,    99123456789", "IMPORTER,   '#/..\\x',       X",
                    "IMPORTER,   null,            UNKNOWN", "FILER_CODE, 12-3456789AB,    ABC",
                    "NONE,       12-3456789AB,    ALL", "NONE,       123-45-6789,     ALL", })
    void groupKey_WhenGroupBy_ThenSpecKey(GroupBy groupBy, String importer, String expected) {
        assertThat(DeclarationGroups.groupKey(groupBy, importer, ENTRY)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "123-45-6789", "000-00-0000", "999-99-9999", "078-05-1120", "219-09-9999" })
    void groupKey_WhenSsnImporter_ThenStablePseudonymWithoutTheNumber(String ssn) {
        String key = DeclarationGroups.groupKey(GroupBy.IMPORTER, ssn, ENTRY);
        String digits = ssn.replace("-", "");

        assertThat(key).matches("P[0-9A-F]{10}");
        assertThat(key).doesNotContain(digits).doesNotContain(ssn);
        for (String part : ssn.split("-")) {
            if (part.length() >= 4) {
                assertThat(key).doesNotContain(part);
            }
        }
        assertThat(DeclarationGroups.groupKey(GroupBy.IMPORTER, " " + ssn + " ", ENTRY)).isEqualTo(key);
        assertThat(DeclarationGroups.fileStem(key, LocalDate.of(2026, 5, 1), 1)).doesNotContain(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = { "123 45 6789", "123\u201345\u20136789", "123-45-6789AB", "123-45-6789 ab", "123.45.6789",
            " 123 - 45 - 6789 ", "123\u201445\u20146789-00" })
    void groupKey_WhenSsnWrittenOtherwise_ThenPseudonymNeverTheDigits(String written) {
        String key = DeclarationGroups.groupKey(GroupBy.IMPORTER, written, ENTRY);

        assertThat(key).matches("P[0-9A-F]{10}").doesNotContain("6789").doesNotContain("123");
        assertThat(DeclarationGroups.fileStem(key, LocalDate.of(2026, 5, 1), 1)).doesNotContain("6789");
    }

    @Test
    void groupKey_WhenSameSsnSpelledTwoWays_ThenOneGroup() {
        String dashed = DeclarationGroups.groupKey(GroupBy.IMPORTER, "123-45-6789", ENTRY);

        assertThat(DeclarationGroups.groupKey(GroupBy.IMPORTER, "123 45 6789", ENTRY)).isEqualTo(dashed);
        assertThat(DeclarationGroups.groupKey(GroupBy.IMPORTER, "123\u201345\u20136789", ENTRY)).isEqualTo(dashed);
        assertThat(DeclarationGroups.groupKey(GroupBy.IMPORTER, "123-45-6789ab", ENTRY))
            .isEqualTo(DeclarationGroups.groupKey(GroupBy.IMPORTER, "123-45-6789AB", ENTRY))
            .isNotEqualTo(dashed);
    }

    @ParameterizedTest
    @ValueSource(strings = { "123456789", "12-3456789", "12-3456789AB", "991234-56789", "1234-56-7890" })
    void groupKey_WhenNotSsnShaped_ThenLettersAndDigitsAsBefore(String importer) {
        assertThat(DeclarationGroups.groupKey(GroupBy.IMPORTER, importer, ENTRY))
            .isEqualTo(importer.replaceAll("[^A-Za-z0-9]", ""));
    }

    @Test
    void groupKey_WhenNumbersReduceToNothing_ThenDistinctStablePseudonyms() {
        String dots = DeclarationGroups.groupKey(GroupBy.IMPORTER, "...", ENTRY);
        String symbols = DeclarationGroups.groupKey(GroupBy.IMPORTER, "*?<>|:", ENTRY);
        String dashes = DeclarationGroups.groupKey(GroupBy.IMPORTER, "--", ENTRY);

        assertThat(List.of(dots, symbols, dashes)).allSatisfy(key -> assertThat(key).matches("P[0-9A-F]{10}"))
            .doesNotHaveDuplicates();
        assertThat(DeclarationGroups.groupKey(GroupBy.IMPORTER, " ... ", ENTRY)).isEqualTo(dots);
        assertThat(DeclarationGroups.fileStem(symbols, LocalDate.of(2026, 5, 1), 1)).matches("CAPE_P[0-9A-F]{10}_.*");
    }

    @Test
    void groupKey_WhenSsnImporter_ThenSha256Prefix() {
        // SHA-256("123-45-6789") =
        // 01a54629efb952287e554eb23ef69c52097a75aecc0e3a93ca0855ab6d7a31a0
        assertThat(DeclarationGroups.groupKey(GroupBy.IMPORTER, "123-45-6789", ENTRY)).isEqualTo("P01A54629EF");
    }

    @Test
    void groupKey_WhenManySsns_ThenPseudonymsDistinctAndNeverContainDigits() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String digits = String.format("%09d", i * 49_999L % 1_000_000_000L);
            String ssn = digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);

            String key = DeclarationGroups.groupKey(GroupBy.IMPORTER, ssn, ENTRY);

            assertThat(key).doesNotContain(digits);
            keys.add(key);
        }
        assertThat(keys).hasSize(20_000);
    }

    @ParameterizedTest
    @CsvSource({ "123456789AB, 2026-05-01, 1,   CAPE_123456789AB_20260501_001",
            "ALL,         2026-12-31, 12,  CAPE_ALL_20261231_012",
            "ABC,         2026-01-09, 999, CAPE_ABC_20260109_999",
            "ABC,         2026-01-09, 1000, CAPE_ABC_20260109_1000", })
    void fileStem_WhenGroupDateSequence_ThenCapeName(String group, LocalDate runDate, int sequence, String stem) {
        assertThat(DeclarationGroups.fileStem(group, runDate, sequence)).isEqualTo(stem);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "12-34", "../x", "A B" })
    void fileStem_WhenKeyNotAlphanumeric_ThenRefused(String group) {
        assertThatThrownBy(() -> DeclarationGroups.fileStem(group, LocalDate.of(2026, 5, 1), 1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fileStem_WhenSequenceZero_ThenRefused() {
        assertThatThrownBy(() -> DeclarationGroups.fileStem("ALL", LocalDate.of(2026, 5, 1), 0))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
