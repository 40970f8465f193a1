package org.capebatch.generate;

/**
 * Entry-number check digit of CAPE-RULES §6 (IBM mod-10 with the IBM letter table), kept here so the generator does
 * not depend on the job's parser; a bad check digit in generated data must be deliberate.
 */
final class CheckDigit {

    private CheckDigit() {
    }

    /** Check digit of the 10 characters filer code + sequence. */
    static int of(CharSequence tenChars) {
        if (tenChars.length() != 10) {
            throw new IllegalArgumentException("Expected 10 characters: " + tenChars);
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int value = value(tenChars.charAt(i));
            if (i % 2 == 0) {
                sum += value; // positions 1, 3, 5, 7, 9
            } else {
                int doubled = value * 2;
                sum += doubled >= 10 ? doubled - 9 : doubled;
            }
        }
        return (10 - sum % 10) % 10;
    }

    /** The full 11-character entry number. */
    static String entryNumber(String filerCode, int sequence) {
        if (sequence < 0 || sequence > 9_999_999) {
            throw new IllegalArgumentException("Sequence out of range: " + sequence);
        }
        StringBuilder number = new StringBuilder(11).append(filerCode);
        String digits = Integer.toString(sequence);
        for (int i = digits.length(); i < 7; i++) {
            number.append('0');
        }
        number.append(digits);
        return number.append((char) ('0' + of(number))).toString();
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'I') {
            return c - 'A' + 1;
        }
        if (c >= 'J' && c <= 'R') {
            return c - 'J' + 1;
        }
        if (c >= 'S' && c <= 'Z') {
            return c - 'S' + 2;
        }
        throw new IllegalArgumentException("Not an entry-number character: " + c);
    }
}
