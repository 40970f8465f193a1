package org.capebatch.declaration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import org.capebatch.entry.EntryNumber;
import org.capebatch.output.ImporterNumbers;

/**
 * Group keys and file names of declarations (SPEC §5:
 * {@code CAPE_<group>_<yyyyMMdd>_<nnn>}).
 */
public final class DeclarationGroups {

    /**
     * Group of entries without an importer number (not eligible, so never declared; kept
     * for safety).
     */
    static final String NO_IMPORTER = "UNKNOWN";

    private static final Pattern GROUP_KEY = Pattern.compile("[A-Za-z0-9]+");

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private DeclarationGroups() {
    }

    /**
     * The {@code <group>} part of SPEC §5: the importer number with non-alphanumerics
     * removed (upper-cased, so two spellings of one importer never make two files that
     * clash on a case-insensitive file system), the filer code, or {@code ALL}.
     */
    public static String groupKey(GroupBy groupBy, String importerNumber, EntryNumber entry) {
        return switch (groupBy) {
            case IMPORTER -> importerKey(importerNumber);
            case FILER_CODE -> entry.filerCode().toUpperCase(Locale.ROOT);
            case NONE -> "ALL";
        };
    }

    /**
     * An SSN must never appear in a file name (SPEC §5). We use {@code P} + the first 10
     * hex digits of the SHA-256 of the SSN as {@code NNN-NN-NNNN} (plus suffix): stable
     * across runs and machines, so restarts and later runs name the same group the same
     * way, and 40 bits make a clash between one broker's SSN importers negligible. The
     * hash is unsalted, so it hides the number from a casual reader of file names, not
     * from someone who tries all 10^9 SSNs; the files themselves go only to the
     * declarant.
     */
    static String importerKey(String importerNumber) {
        if (importerNumber == null) {
            return NO_IMPORTER;
        }
        // Any spelling of an SSN (spaces, en dashes, a suffix) is hashed in one canonical
        // spelling, so that
        // "123 45 6789" and "123-45-6789" are one group, as two spellings of an EIN are.
        String ssn = ImporterNumbers.ssnLike(importerNumber);
        if (ssn != null) {
            return pseudonym(ssn);
        }
        String key = importerNumber.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        // A number with no letter or digit ("...", "*?<>|:") still names one importer:
        // distinct ones must not share
        // a file, so each gets the pseudonym of its trimmed spelling.
        return key.isEmpty() ? pseudonym(importerNumber.strip()) : key;
    }

    static String pseudonym(String importerNumber) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(importerNumber.getBytes(StandardCharsets.UTF_8));
            return "P" + HexFormat.of().withUpperCase().formatHex(hash).substring(0, 10);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /**
     * {@code CAPE_<group>_<yyyyMMdd>_<nnn>}, {@code nnn} counting from 001 within a group
     * (SPEC §5).
     */
    public static String fileStem(String groupKey, LocalDate runDate, int sequence) {
        if (groupKey == null || !GROUP_KEY.matcher(groupKey).matches()) {
            // The key becomes part of a path: anything but letters and digits is a
            // programming error.
            throw new IllegalArgumentException("group key must be letters and digits only: " + groupKey);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence counts from 1: " + sequence);
        }
        return "CAPE_" + groupKey + "_" + runDate.format(DAY) + "_" + String.format(Locale.ROOT, "%03d", sequence);
    }

}
