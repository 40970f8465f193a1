package org.capebatch.entry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each {@link Es003Column} sits in one file's rows, resolved once from its header
 * row (SPEC §2). Unknown columns are ignored; when a header appears twice, the first one
 * is used.
 */
public final class Es003Header {

    private static final Es003Column[] COLUMNS = Es003Column.values();

    private final int[] indexes;

    private final List<String> names;

    private Es003Header(int[] indexes, List<String> names) {
        this.indexes = indexes;
        this.names = names;
    }

    /**
     * Matches header cells to columns by normalized key. A byte order mark,
     * {@code ="..."} or any punctuation in a header cell do not matter, since only
     * letters and digits are compared.
     * @throws MissingColumnsException when a required column is missing; it names the
     * file and every missing one
     */
    public static Es003Header resolve(String fileName, List<String> headerCells) {
        int[] indexes = new int[COLUMNS.length];
        Arrays.fill(indexes, -1);
        for (int i = 0; i < headerCells.size(); i++) {
            String key = Es003Values.key(Es003Values.clean(headerCells.get(i)));
            for (Es003Column column : COLUMNS) {
                if (indexes[column.ordinal()] < 0 && column.key().equals(key)) {
                    indexes[column.ordinal()] = i;
                }
            }
        }
        List<Es003Column> missing = new ArrayList<>();
        for (Es003Column column : COLUMNS) {
            if (column.required() && indexes[column.ordinal()] < 0) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingColumnsException(fileName, missing);
        }
        return new Es003Header(indexes, List.copyOf(headerCells));
    }

    /** Number of cells in the header row, known columns or not. */
    public int width() {
        return names.size();
    }

    /**
     * SPEC §2 "nothing is lost": a row with fewer cells than the header ended early (a
     * file cut off, a line break in an unquoted cell), so its last cell may be cut too
     * and nothing in it can be trusted. Returns the problem, naming the missing columns
     * as the header writes them, or null for a row of full width.
     */
    public RowError shortRow(RowSource source, String[] cells) {
        if (cells.length >= names.size()) {
            return null;
        }
        List<String> missing = names.subList(cells.length, names.size()).stream().map(Es003Values::clean).toList();
        if (missing.stream().allMatch(String::isEmpty)) {
            return null; // only the unnamed columns of a header written with trailing
                         // commas
        }
        return new RowError(source, missing.get(0), "", "row has " + cells.length + " of the header's " + names.size()
                + " fields (cut off?): missing "
                + String.join(", ", missing.stream().map(name -> name.isEmpty() ? "(unnamed)" : name).toList()));
    }

    /** The 0-based cell index of the column, or -1 when the file does not have it. */
    public int index(Es003Column column) {
        return indexes[column.ordinal()];
    }

    public boolean has(Es003Column column) {
        return indexes[column.ordinal()] >= 0;
    }

    /**
     * The raw cell of the column in this row; null when the file lacks the column or the
     * row is short.
     */
    public String value(String[] cells, Es003Column column) {
        int index = indexes[column.ordinal()];
        return index >= 0 && index < cells.length ? cells[index] : null;
    }

}
