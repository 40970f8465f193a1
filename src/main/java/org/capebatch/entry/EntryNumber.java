package org.capebatch.entry;

import java.util.Objects;

/**
 * An 11-character CBP entry number: 3-character filer code, 7-digit sequence, check digit
 * (CAPE-RULES §6). Instances are always valid; build them with {@code parse}.
 */
public record EntryNumber(String value) implements Comparable<EntryNumber> {

    private static final int LENGTH = 11;

    public EntryNumber {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Reads an entry number as brokers' exports write it (SPEC §2): Excel's
     * {@code ="..."} unwrapped, whitespace trimmed, dashes and spaces removed
     * ({@code ABC-1234567-6}), upper-cased. The result must be
     * {@code [A-Z0-9]{3}[0-9]{8}} with a valid check digit; the check digit is a typo
     * filter, not an authority (CAPE-RULES §6), but an entry number that fails it cannot
     * be declared anyway.
     * @throws InvalidValueException when the value is blank, has the wrong shape or a
     * wrong check digit
     */
    public static EntryNumber parse(String raw) {
        String cleaned = Es003Values.clean(raw);
        if (cleaned.isEmpty()) {
            throw new InvalidValueException("entry number is blank");
        }
        StringBuilder compact = new StringBuilder(LENGTH);
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (c != '-' && c != ' ') {
                compact.append(Character.toUpperCase(c));
            }
        }
        if (compact.length() != LENGTH) {
            throw new InvalidValueException("entry number must be 11 characters (3-character filer code, "
                    + "7-digit sequence, check digit), got " + compact.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = compact.charAt(i);
            boolean ok = i < 3 ? isAsciiUpperOrDigit(c) : isAsciiDigit(c);
            if (!ok) {
                throw new InvalidValueException("entry number must be 3 letters or digits followed by 8 digits; "
                        + "character " + (i + 1) + " is '" + c + "'");
            }
        }
        String value = compact.toString();
        char expected = checkDigit(value.substring(0, LENGTH - 1));
        char actual = value.charAt(LENGTH - 1);
        if (actual != expected) {
            throw new InvalidValueException("check digit is " + actual + ", expected " + expected);
        }
        return new EntryNumber(value);
    }

    /**
     * The check digit of a filer code plus sequence (CAPE-RULES §6): letters become A–I →
     * 1–9, J–R → 1–9, S–Z → 2–9 (the IBM table, see CAPE-RULES §10 item 14); values at
     * odd positions are added, values at even positions are doubled with their digits
     * summed; the check digit is {@code (10 - sum % 10) % 10}.
     * @param tenChars the first 10 characters of an entry number,
     * {@code [A-Z0-9]{3}[0-9]{7}}
     * @throws InvalidValueException when the argument is not 10 letters or digits
     */
    public static char checkDigit(String tenChars) {
        if (tenChars == null || tenChars.length() != LENGTH - 1) {
            throw new InvalidValueException(
                    "check digit needs 10 characters, got " + (tenChars == null ? "none" : tenChars.length()));
        }
        int sum = 0;
        for (int i = 0; i < tenChars.length(); i++) {
            int v = charValue(Character.toUpperCase(tenChars.charAt(i)));
            if (i % 2 == 1) { // position i + 1 is even
                v *= 2;
                if (v >= 10) {
                    v -= 9;
                }
            }
            sum += v;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    private static int charValue(char c) {
        if (isAsciiDigit(c)) {
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
        throw new InvalidValueException("entry number characters must be letters or digits, got '" + c + "'");
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiUpperOrDigit(char c) {
        return isAsciiDigit(c) || (c >= 'A' && c <= 'Z');
    }

    public String filerCode() {
        return value.substring(0, 3);
    }

    @Override
    public int compareTo(EntryNumber other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
