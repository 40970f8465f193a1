package org.capebatch.answers;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.capebatch.entry.Es003Values;

/**
 * The header row of an answers file and the kind it shows (SPEC §6.2, §6.4). For
 * {@code results}: Claim Details when the row holds {@code ENTRY_NUMBER},
 * {@code CLAIM_NUMBER} and {@code STATUS}; ES-022 when it holds
 * {@code Entry Summary Number} and {@code Claim Number}. For {@code release}: any row
 * with an entry-number column ({@code Entry Number} of a declaration CSV, or either
 * report's). Where a header appears twice, the first counts.
 */
public final class AnswerHeader {

    private final AnswerKind kind;

    private final int[] indexes;

    private AnswerHeader(AnswerKind kind, int[] indexes) {
        this.kind = kind;
        this.indexes = indexes;
    }

    /**
     * The header this row is for an import of {@code importKind}, or empty when it is not
     * one.
     */
    public static Optional<AnswerHeader> detect(ImportKind importKind, List<String> cells) {
        int[] indexes = new int[AnswerColumn.values().length];
        Arrays.fill(indexes, -1);
        for (int i = 0; i < cells.size(); i++) {
            String key = Es003Values.key(Es003Values.clean(cells.get(i)));
            for (AnswerColumn column : AnswerColumn.values()) {
                if (indexes[column.ordinal()] < 0 && column.key().equals(key)) {
                    indexes[column.ordinal()] = i;
                }
            }
        }
        boolean claimDetails = has(indexes, AnswerColumn.ENTRY_NUMBER) && has(indexes, AnswerColumn.CLAIM_NUMBER)
                && has(indexes, AnswerColumn.STATUS);
        boolean es022 = has(indexes, AnswerColumn.ENTRY_SUMMARY_NUMBER) && has(indexes, AnswerColumn.CLAIM_NUMBER);
        if (importKind == ImportKind.RESULTS) {
            if (claimDetails) {
                return Optional.of(new AnswerHeader(AnswerKind.CLAIM_DETAILS, indexes));
            }
            return es022 ? Optional.of(new AnswerHeader(AnswerKind.ES022, indexes)) : Optional.empty();
        }
        if (!has(indexes, AnswerColumn.ENTRY_NUMBER) && !has(indexes, AnswerColumn.ENTRY_SUMMARY_NUMBER)) {
            return Optional.empty();
        }
        if (!has(indexes, AnswerColumn.ENTRY_NUMBER)) {
            indexes[AnswerColumn.ENTRY_NUMBER.ordinal()] = indexes[AnswerColumn.ENTRY_SUMMARY_NUMBER.ordinal()];
        }
        return Optional.of(new AnswerHeader(AnswerKind.RELEASE, indexes));
    }

    /**
     * What a file must hold for an import of {@code importKind}, for the message of an
     * unreadable file.
     */
    public static String expected(ImportKind importKind) {
        return importKind == ImportKind.RESULTS
                ? "a Claim Details file (ENTRY_NUMBER, CLAIM_NUMBER, STATUS, ERROR_DESCRIPTION) or an ES-022 report"
                        + " (Entry Summary Number, Claim Number, ...)"
                : "a list of entries with an Entry Number column (a declaration CSV), or a Claim Details or ES-022"
                        + " file";
    }

    public AnswerKind kind() {
        return kind;
    }

    /** The column holding the entry number in this kind of file. */
    public AnswerColumn entryColumn() {
        return kind == AnswerKind.ES022 ? AnswerColumn.ENTRY_SUMMARY_NUMBER : AnswerColumn.ENTRY_NUMBER;
    }

    public boolean has(AnswerColumn column) {
        return has(indexes, column);
    }

    /**
     * The raw cell of {@code column} in a row, or "" when the file lacks the column or
     * the row is short.
     */
    public String value(String[] cells, AnswerColumn column) {
        int index = indexes[column.ordinal()];
        return index >= 0 && index < cells.length && cells[index] != null ? cells[index] : "";
    }

    private static boolean has(int[] indexes, AnswerColumn column) {
        return indexes[column.ordinal()] >= 0;
    }

}
