package org.capebatch.generate;

import java.time.LocalDate;

/**
 * Value formats of ES-003 exports (SPEC §2): {@code MM/DD/YYYY} dates and
 * {@code $1,234.56} money.
 */
final class Es003Format {

    private static final LocalDate CACHE_START = LocalDate.of(2024, 1, 1);

    private static final String[] DATES = new String[5 * 366];

    static {
        for (int i = 0; i < DATES.length; i++) {
            DATES[i] = format(CACHE_START.plusDays(i));
        }
    }

    private Es003Format() {
    }

    /** {@code MM/DD/YYYY}; cached because millions of rows repeat a few hundred dates. */
    static String date(LocalDate date) {
        long index = date.toEpochDay() - CACHE_START.toEpochDay();
        return index >= 0 && index < DATES.length ? DATES[(int) index] : format(date);
    }

    /** {@code $1,234.56} for a non-negative amount in cents. */
    static String money(long cents) {
        if (cents < 0) {
            throw new IllegalArgumentException("Negative amount: " + cents);
        }
        String dollars = Long.toString(cents / 100);
        StringBuilder text = new StringBuilder(dollars.length() + 8).append('$');
        for (int i = 0; i < dollars.length(); i++) {
            if (i > 0 && (dollars.length() - i) % 3 == 0) {
                text.append(',');
            }
            text.append(dollars.charAt(i));
        }
        int rest = (int) (cents % 100);
        return text.append('.').append((char) ('0' + rest / 10)).append((char) ('0' + rest % 10)).toString();
    }

    private static String format(LocalDate date) {
        int month = date.getMonthValue();
        int day = date.getDayOfMonth();
        return (month < 10 ? "0" : "") + month + (day < 10 ? "/0" : "/") + day + "/" + date.getYear();
    }

}
