package org.capebatch.declaration;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.capebatch.output.AtomicFile;
import org.capebatch.output.CsvFile;

/**
 * Streams one CAPE declaration upload file (SPEC §5, CAPE-RULES §2): the header
 * {@code Entry Number}, then one 11-character entry number per line, ascending, at most
 * 9,999; ASCII, CRLF on every line, no BOM (a BOM would corrupt the header CBP checks).
 * CBP rejects the whole declaration for one malformed line, so anything that would
 * produce one is refused here with {@link IllegalArgumentException} instead of being
 * written.
 */
public final class DeclarationCsvWriter implements Closeable {

    public static final String HEADER = "Entry Number";

    /** CBP's limit per declaration (CAPE-RULES §2). */
    public static final int MAX_ENTRIES = 9_999;

    private static final Pattern ENTRY_NUMBER = Pattern.compile("[A-Z0-9]{11}");

    private final CsvFile file;

    private String last;

    private DeclarationCsvWriter(CsvFile file) {
        this.file = file;
    }

    public static DeclarationCsvWriter create(Path target) throws IOException {
        return new DeclarationCsvWriter(CsvFile.create(target, StandardCharsets.US_ASCII, HEADER));
    }

    /** Writes and publishes a whole declaration; returns the entries written. */
    public static long write(Path target, Iterable<String> entryNumbers) throws IOException {
        try (DeclarationCsvWriter writer = create(target)) {
            for (String entryNumber : entryNumbers) {
                writer.write(entryNumber);
            }
            writer.commit();
            return writer.rows();
        }
    }

    /**
     * Appends one entry number; they must come strictly ascending (sorted, no duplicates:
     * SPEC §5).
     */
    public void write(String entryNumber) throws IOException {
        requireEntryNumber(entryNumber);
        if (last != null && entryNumber.compareTo(last) <= 0) {
            throw new IllegalArgumentException(
                    "entry numbers must be strictly ascending: " + entryNumber + " after " + last);
        }
        if (file.rows() >= MAX_ENTRIES) {
            throw new IllegalArgumentException("a declaration holds at most " + MAX_ENTRIES + " entries");
        }
        file.row(entryNumber);
        last = entryNumber;
    }

    /**
     * An entry number as CBP's upload accepts it: exactly 11 upper-case ASCII letters or
     * digits, no dashes (CAPE-RULES §2, §6). Returns it unchanged.
     */
    public static String requireEntryNumber(String entryNumber) {
        if (entryNumber == null || !ENTRY_NUMBER.matcher(entryNumber).matches()) {
            throw new IllegalArgumentException("not an 11-character ASCII entry number: "
                    + (entryNumber == null ? "null" : "'" + entryNumber + "'"));
        }
        return entryNumber;
    }

    public long rows() {
        return file.rows();
    }

    public void commit() throws IOException {
        file.commit();
    }

    /** Ends the file without publishing it: see {@link CsvFile#finish()}. */
    public AtomicFile.Pending finish() throws IOException {
        return file.finish();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

}
