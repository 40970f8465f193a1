package org.capebatch.output;

import java.util.regex.Pattern;

/**
 * Importer numbers in files meant for people. An importer of record without an EIN or CBP number files under a
 * Social Security number ({@code NNN-NN-NNNN}, SPEC §4); workbooks show only its last four digits.
 */
public final class ImporterNumbers {

    private static final Pattern SSN = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");

    private ImporterNumbers() {
    }

    /** True when the importer number is written as an SSN. */
    public static boolean isSsn(String importerNumber) {
        return importerNumber != null && SSN.matcher(importerNumber).matches();
    }

    /** {@code ***-**-1234} for an SSN, the number unchanged otherwise (null stays null). */
    public static String masked(String importerNumber) {
        return isSsn(importerNumber) ? "***-**-" + importerNumber.substring(7) : importerNumber;
    }
}
