package org.capebatch.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parsers for the value formats of SPEC §2. Each first {@link #clean cleans} its input
 * and throws {@link InvalidValueException} with a readable message when the value does
 * not fit. They run once per cell on millions of rows, so they scan characters by hand:
 * no regular expressions, no exceptions on valid input.
 */
public final class Es003Values {

    private static final BigDecimal ZERO = BigDecimal.valueOf(0, 2);

    private static final String DATE_FORMATS = "expected a date MM/DD/YYYY, M/D/YYYY or YYYY-MM-DD";

    private static final String MONEY_FORMATS = "expected an amount like 1234.56, $1,234.56, -12.00, (12.00) or FREE";

    private static final String FLAG_FORMATS = "expected Y/N, YES/NO, TRUE/FALSE or 1/0";

    /**
     * Bounds of what a value of a known column may be (issue 7): longer, larger or
     * stranger values are rejected where they are parsed, so nothing later (PostgreSQL
     * columns and indexes, file names, money columns of NUMERIC(18,2), memory) can fail
     * on them. Generous for real ES-003 exports, whose longest value is a 13-character
     * importer number and whose largest duty on one tariff row is far below ten billion
     * dollars.
     */
    public static final int MAX_VALUE_CHARS = 256;

    public static final int MAX_IMPORTER_CHARS = 40;

    public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    public static final int MIN_YEAR = 1900;

    public static final int MAX_YEAR = 2099;

    /**
     * Per enum type: normalized key of each constant (see {@link #key}) to the constant.
     */
    private static final ClassValue<Map<String, Enum<?>>> ENUM_KEYS = new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
            Map<String, Enum<?>> byKey = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                Enum<?> e = (Enum<?>) constant;
                byKey.put(key(e.name()), e);
            }
            return Map.copyOf(byKey);
        }
    };

    private Es003Values() {
    }

    /**
     * Trims surrounding whitespace (including no-break space and a byte order mark) and
     * unwraps Excel's text trick {@code ="..."} (SPEC §2). Never returns null: a null
     * cell is the empty string.
     */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String s = trim(raw);
        if (s.length() >= 3 && s.charAt(0) == '=' && s.charAt(1) == '"' && s.charAt(s.length() - 1) == '"') {
            s = trim(s.substring(2, s.length() - 1));
        }
        return s;
    }

    /**
     * Checks the text of a value before it is parsed: at most {@link #MAX_VALUE_CHARS}
     * characters after trimming, and only characters a person could have typed — no
     * control characters (a NUL would fail PostgreSQL, a line break or tab would reach
     * file names), no U+FFFD (bytes that were not valid in the file's encoding), no
     * broken surrogate pair and no non-character.
     */
    public static void checkText(String raw) {
        String s = clean(raw);
        if (s.length() > MAX_VALUE_CHARS) {
            throw new InvalidValueException(
                    "value is " + s.length() + " characters long, more than " + MAX_VALUE_CHARS);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                throw new InvalidValueException(
                        String.format("control character U+%04X at position %d", (int) c, i + 1));
            }
            if (c == '\uFFFD') {
                throw new InvalidValueException(
                        "character U+FFFD at position " + (i + 1) + ": bytes not valid in the file's encoding");
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                throw new InvalidValueException(
                        String.format("U+%04X at position %d is not a character", (int) c, i + 1));
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                throw new InvalidValueException("broken character (lone surrogate) at position " + (i + 1));
            }
        }
    }

    /**
     * An importer number (SPEC §2: kept as written, trimmed and unwrapped), at most
     * {@link #MAX_IMPORTER_CHARS}.
     */
    public static String importerNumber(String raw) {
        String s = clean(raw);
        if (s.length() > MAX_IMPORTER_CHARS) {
            throw new InvalidValueException(
                    "importer number is " + s.length() + " characters long, more than " + MAX_IMPORTER_CHARS);
        }
        return s;
    }

    /**
     * A date in one of SPEC §2's forms; null when blank. Impossible dates such as
     * 02/30/2025 are errors.
     */
    public static LocalDate date(String raw) {
        String s = clean(raw);
        if (s.isEmpty()) {
            return null;
        }
        int year;
        int month;
        int day;
        int slash = s.indexOf('/');
        if (slash > 0) {
            // M/D/YYYY or MM/DD/YYYY
            int slash2 = s.indexOf('/', slash + 1);
            if (slash2 < 0 || s.length() - slash2 - 1 != 4) {
                throw new InvalidValueException(DATE_FORMATS);
            }
            month = digits(s, 0, slash, 1, 2, DATE_FORMATS);
            day = digits(s, slash + 1, slash2, 1, 2, DATE_FORMATS);
            year = digits(s, slash2 + 1, s.length(), 4, 4, DATE_FORMATS);
        }
        else {
            // YYYY-MM-DD
            int dash = s.indexOf('-');
            int dash2 = dash < 0 ? -1 : s.indexOf('-', dash + 1);
            if (dash != 4 || dash2 < 0) {
                throw new InvalidValueException(DATE_FORMATS);
            }
            year = digits(s, 0, dash, 4, 4, DATE_FORMATS);
            month = digits(s, dash + 1, dash2, 1, 2, DATE_FORMATS);
            day = digits(s, dash2 + 1, s.length(), 1, 2, DATE_FORMATS);
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidValueException("year " + year + " is outside " + MIN_YEAR + "-" + MAX_YEAR);
        }
        if (month < 1 || month > 12) {
            throw new InvalidValueException("no such date: month " + month + " does not exist");
        }
        int daysInMonth = java.time.Month.of(month).length(Year.isLeap(year));
        if (day < 1 || day > daysInMonth) {
            throw new InvalidValueException(
                    "no such date: day " + day + " does not exist in " + String.format("%04d-%02d", year, month));
        }
        return LocalDate.of(year, month, day);
    }

    /**
     * A money amount (SPEC §2): optional {@code $}, thousands commas in groups of three,
     * a leading {@code -} or surrounding parentheses for negatives; {@code FREE} or blank
     * is 0. The scale is kept as written.
     */
    public static BigDecimal money(String raw) {
        String s = clean(raw);
        if (s.isEmpty() || s.equalsIgnoreCase("FREE")) {
            return ZERO;
        }
        int start = 0;
        int end = s.length();
        boolean negative = false;
        if (s.charAt(0) == '(') {
            if (s.charAt(end - 1) != ')') {
                throw new InvalidValueException(MONEY_FORMATS);
            }
            negative = true;
            start++;
            end--;
        }
        // sign and currency symbol in either order: -$12.00, $-12.00
        boolean dollar = false;
        while (start < end) {
            char c = s.charAt(start);
            if (c == '-' && !negative) {
                negative = true;
            }
            else if (c == '$' && !dollar) {
                dollar = true;
            }
            else if (c != ' ') {
                break;
            }
            start++;
        }
        StringBuilder plain = new StringBuilder(end - start + 1);
        if (negative) {
            plain.append('-');
        }
        int groupDigits = 0; // digits since the start or the last comma
        boolean sawComma = false;
        boolean sawPoint = false;
        int integerDigits = 0;
        int fractionDigits = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                plain.append(c);
                if (sawPoint) {
                    fractionDigits++;
                }
                else {
                    integerDigits++;
                    groupDigits++;
                }
            }
            else if (c == ',' && !sawPoint) {
                boolean firstGroupOk = !sawComma && groupDigits >= 1 && groupDigits <= 3;
                if (!firstGroupOk && !(sawComma && groupDigits == 3)) {
                    throw new InvalidValueException(MONEY_FORMATS + " (commas must separate thousands)");
                }
                sawComma = true;
                groupDigits = 0;
            }
            else if (c == '.' && !sawPoint) {
                plain.append(c);
                sawPoint = true;
            }
            else {
                throw new InvalidValueException(MONEY_FORMATS);
            }
        }
        if (sawComma && groupDigits != 3) {
            throw new InvalidValueException(MONEY_FORMATS + " (commas must separate thousands)");
        }
        if (integerDigits + fractionDigits == 0) {
            throw new InvalidValueException(MONEY_FORMATS);
        }
        BigDecimal amount = new BigDecimal(plain.toString());
        if (amount.abs().compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidValueException("amount beyond " + MAX_AMOUNT.toPlainString() + " on one row");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException("amount has fractions of a cent");
        }
        return amount;
    }

    /** A flag (SPEC §2): Y/N, YES/NO, TRUE/FALSE, 1/0 in any case; blank is false. */
    public static boolean flag(String raw) {
        String s = clean(raw);
        switch (s.length()) {
            case 0:
                return false;
            case 1:
                char c = Character.toUpperCase(s.charAt(0));
                if (c == 'Y' || c == '1') {
                    return true;
                }
                if (c == 'N' || c == '0') {
                    return false;
                }
                break;
            default:
                if (s.equalsIgnoreCase("YES") || s.equalsIgnoreCase("TRUE")) {
                    return true;
                }
                if (s.equalsIgnoreCase("NO") || s.equalsIgnoreCase("FALSE")) {
                    return false;
                }
        }
        throw new InvalidValueException(FLAG_FORMATS);
    }

    /**
     * An entry type code (SPEC §2): one or two digits, returned as two ({@code 1} is
     * {@code 01}). XLSX numeric cells reach this as plain digits, so nothing but digits
     * is accepted.
     */
    public static String entryType(String raw) {
        String s = clean(raw);
        if (s.isEmpty()) {
            throw new InvalidValueException("entry type is blank");
        }
        if (s.length() > 2 || !allDigits(s)) {
            throw new InvalidValueException("entry type must be two digits");
        }
        return s.length() == 1 ? "0" + s : s;
    }

    /**
     * An HTS number (SPEC §2): dots and spaces removed, then digits only and not empty.
     */
    public static String hts(String raw) {
        String s = clean(raw);
        StringBuilder digits = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
            else if (c != '.' && c != ' ') {
                throw new InvalidValueException("HTS number must be digits (dots and spaces allowed)");
            }
        }
        if (digits.isEmpty()) {
            throw new InvalidValueException("HTS number is blank");
        }
        return digits.toString();
    }

    /**
     * A status word (SPEC §2), case-insensitive, with {@code _}, {@code -} and spaces
     * equivalent: matching ignores everything but letters and digits, so
     * {@code Under Review}, {@code under-review} and {@code UNDER_REVIEW} are all
     * {@code UNDER_REVIEW}. Blank gives {@code defaultWhenBlank} (which may be null).
     */
    public static <E extends Enum<E>> E status(String raw, Class<E> type, E defaultWhenBlank) {
        String s = clean(raw);
        if (s.isEmpty()) {
            return defaultWhenBlank;
        }
        Enum<?> found = ENUM_KEYS.get(type).get(key(s));
        if (found == null) {
            throw new InvalidValueException("expected one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().replace('_', ' '))
                .collect(Collectors.joining(", ")));
        }
        return type.cast(found);
    }

    /** A line number or tariff ordinal: digits only; null when blank. */
    public static Integer optionalInt(String raw) {
        String s = clean(raw);
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > 9 || !allDigits(s)) {
            throw new InvalidValueException("expected a whole number of at most 9 digits");
        }
        // at most 9 ASCII digits (checked above): no overflow, no sign, no other digits
        int value = 0;
        for (int i = 0; i < s.length(); i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }

    /**
     * Lower-case ASCII letters and digits only: how SPEC §2 compares headers (and this
     * class, status words).
     */
    public static String key(String s) {
        StringBuilder key = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                key.append((char) (c + ('a' - 'A')));
            }
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static int digits(String s, int from, int to, int minLength, int maxLength, String message) {
        int length = to - from;
        if (length < minLength || length > maxLength) {
            throw new InvalidValueException(message);
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidValueException(message);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\uFEFF';
    }

}
