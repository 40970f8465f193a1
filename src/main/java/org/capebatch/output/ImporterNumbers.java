package org.capebatch.output;

import java.util.regex.Pattern;

/**
 * Importer numbers in files meant for people. An importer of record without an EIN or CBP
 * number files under a Social Security number ({@code NNN-NN-NNNN}, SPEC §4); workbooks
 * show only its last four digits.
 */
public final class ImporterNumbers {

    private static final Pattern SSN = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");

    /**
     * Nine digits grouped 3-2-4 by any dash (hyphen, en or em dash, minus), space or dot,
     * with an optional two-character suffix as CBP writes after an importer number (SPEC
     * §2 keeps numbers as written, so all of these reach us). Nine bare digits are not
     * matched: that is also how an EIN is written without its dash.
     */
    private static final Pattern SSN_LIKE = Pattern
        .compile("(\\d{3})[-\\u2010-\\u2015\\u2212\\s.]+(\\d{2})[-\\u2010-\\u2015\\u2212\\s.]+(\\d{4})"
                + "(?:[-\\u2010-\\u2015\\u2212\\s.]*([A-Za-z0-9]{2}))?");

    private ImporterNumbers() {
    }

    /** True when the importer number is written as an SSN. */
    public static boolean isSsn(String importerNumber) {
        return importerNumber != null && SSN.matcher(importerNumber).matches();
    }

    /**
     * The SSN of an importer number written as one in any spelling ({@code 123 45 6789},
     * {@code 123–45–6789}, {@code 123-45-6789AB}), as {@code NNN-NN-NNNN} plus its suffix
     * upper-cased; null when it is not SSN-like.
     */
    public static String ssnLike(String importerNumber) {
        if (importerNumber == null) {
            return null;
        }
        var m = SSN_LIKE.matcher(importerNumber.strip());
        if (!m.matches()) {
            return null;
        }
        String suffix = m.group(4) == null ? "" : m.group(4).toUpperCase(java.util.Locale.ROOT);
        return m.group(1) + "-" + m.group(2) + "-" + m.group(3) + suffix;
    }

    /**
     * {@code ***-**-1234} for an SSN in any spelling, the number unchanged otherwise
     * (null stays null).
     */
    public static String masked(String importerNumber) {
        String ssn = ssnLike(importerNumber);
        return ssn == null ? importerNumber : "***-**-" + ssn.substring(7, 11);
    }

}
