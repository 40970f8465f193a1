package org.capebatch.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EntryNumberTest {

    /** The filer-code patterns of CAPE-RULES §6 (A = letter, N = digit). */
    private static final String[] FILER_PATTERNS = { "NNN", "ANN", "AAN", "AAA", "ANA", "NAN", "NNA", "NAA" };

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "ABC1234567, 6", // CAPE-RULES §6 worked example 1
            "1234567890, 3", // worked example 2
            "SZ90000001, 8", // worked example 3: S = 2 (IBM table), not 1
            "0000000000, 0", "JJJ0000000, 6", // J = 1: 1 + 2 + 1 = 4
            "ZZZ0000000, 3", // Z = 9: 9 + (18 -> 9) + 9 = 27
    })
    void checkDigit_WhenWorkedExample_ThenMatchesCapeRules(String tenChars, char expected) {
        assertThat(EntryNumber.checkDigit(tenChars)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "ABC12345676, ABC12345676", "12345678903, 12345678903", "SZ900000018, SZ900000018",
            "ABC-1234567-6, ABC12345676", "abc-1234567-6, ABC12345676", "'  ABC 1234567 6  ', ABC12345676",
            "'=\"ABC12345676\"', ABC12345676", "'=\"123-4567890-3\"', 12345678903", })
    void parse_WhenValidInAnyWrittenForm_ThenBareUpperCase(String raw, String expected) {
        EntryNumber number = EntryNumber.parse(raw);

        assertThat(number.value()).isEqualTo(expected);
        assertThat(number.filerCode()).isEqualTo(expected.substring(0, 3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "ABC12345675    | check digit is 5, expected 6",
            "SZ900000019    | check digit is 9, expected 8", "ABC1234567     | entry number must be 11 characters",
            "ABC123456767   | entry number must be 11 characters",
            "ABCD2345676    | entry number must be 3 letters or digits followed by 8 digits; character 4 is 'D'",
            "AB_12345676    | character 3 is '_'", "ABC1234567X    | character 11 is 'X'",
            "''             | entry number is blank", "'=\"\"'        | entry number is blank", })
    void parse_WhenInvalid_ThenClearMessage(String raw, String message) {
        assertThatThrownBy(() -> EntryNumber.parse(raw)).isInstanceOf(InvalidValueException.class)
            .hasMessageContaining(message);
    }

    @Test
    void parse_WhenNull_ThenBlank() {
        assertThatThrownBy(() -> EntryNumber.parse(null)).isInstanceOf(InvalidValueException.class)
            .hasMessage("entry number is blank");
    }

    @ParameterizedTest
    @MethodSource("randomPrefixes")
    void parse_WhenRandomPrefixWithItsCheckDigit_ThenValidAndEveryOtherDigitFails(String prefix) {
        char check = EntryNumber.checkDigit(prefix);

        assertThat(EntryNumber.parse(prefix + check).value()).isEqualTo(prefix + check);
        assertThat(EntryNumber.parse(prefix.substring(0, 3) + "-" + prefix.substring(3) + "-" + check).value())
            .isEqualTo(prefix + check);
        for (char other = '0'; other <= '9'; other++) {
            if (other != check) {
                String wrong = prefix + other;
                assertThatThrownBy(() -> EntryNumber.parse(wrong)).as(wrong)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("check digit is " + other + ", expected " + check);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("randomNumericPrefixes")
    void checkDigit_WhenAllDigits_ThenNumberPassesLuhn(String prefix) {
        // For digits-only numbers CAPE-RULES §6 is the standard Luhn mod-10; check
        // against an independent Luhn.
        assertThat(luhnValid(prefix + EntryNumber.checkDigit(prefix))).isTrue();
    }

    @Test
    void checkDigit_WhenLettersTable_ThenEachLetterHasItsIbmValue() {
        // A letter at position 1 (not doubled) adds its table value; '0000000000' has
        // check 0.
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        int[] values = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5, 6, 7, 8, 9 };
        for (int i = 0; i < letters.length(); i++) {
            char expected = (char) ('0' + (10 - values[i]) % 10);
            assertThat(EntryNumber.checkDigit(letters.charAt(i) + "000000000")).as("%s", letters.charAt(i))
                .isEqualTo(expected);
        }
    }

    @Test
    void compareTo_WhenSorted_ThenByValue() {
        assertThat(Stream.of("SZ900000018", "12345678903", "ABC12345676")
            .map(EntryNumber::parse)
            .sorted()
            .map(EntryNumber::value)).containsExactly("12345678903", "ABC12345676", "SZ900000018");
    }

    static Stream<String> randomPrefixes() {
        Random random = new Random(20260615);
        return IntStream.range(0, 400).mapToObj(i -> {
            String pattern = FILER_PATTERNS[i % FILER_PATTERNS.length];
            StringBuilder prefix = new StringBuilder(10);
            for (char kind : pattern.toCharArray()) {
                prefix.append(kind == 'A' ? (char) ('A' + random.nextInt(26)) : (char) ('0' + random.nextInt(10)));
            }
            for (int d = 0; d < 7; d++) {
                prefix.append((char) ('0' + random.nextInt(10)));
            }
            return prefix.toString();
        });
    }

    static Stream<String> randomNumericPrefixes() {
        Random random = new Random(7501);
        return IntStream.range(0, 200).mapToObj(i -> String.format("%010d", random.nextLong(10_000_000_000L)));
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

}
