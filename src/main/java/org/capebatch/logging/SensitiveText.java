package org.capebatch.logging;

import java.util.regex.Pattern;

/**
 * Masks personal numbers before text reaches a log. An importer of record may be
 * identified by a Social Security number (CBP importer numbers in the {@code 123-45-6789}
 * format), which must not end up in log files.
 */
public final class SensitiveText {

    /**
     * Digits on either side would make it a different number (a longer id), so they must
     * not touch the match.
     */
    private static final Pattern SSN = Pattern.compile("(?<!\\d)\\d{3}-\\d{2}-(\\d{4})(?!\\d)");

    private SensitiveText() {
    }

    /**
     * Replaces every SSN-format number with {@code ***-**-} and its last four digits;
     * null stays null.
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        return SSN.matcher(text).replaceAll("***-**-$1");
    }

}
