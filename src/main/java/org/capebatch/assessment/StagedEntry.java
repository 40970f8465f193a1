package org.capebatch.assessment;

import java.util.List;

import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.RowError;
import org.capebatch.entry.RowSource;
import org.capebatch.rules.LedgerVerdict;

/**
 * All staged rows of one entry, in input order (file, then line), as the assess step
 * reads them back, with what the ledger says about the entry (SPEC §3 checks 13 and 14).
 */
public record StagedEntry(EntryNumber number, List<Row> rows, LedgerVerdict ledger, long oversizedRows) {

    public StagedEntry(EntryNumber number, List<Row> rows) {
        this(number, rows, LedgerVerdict.NONE, 0);
    }

    public StagedEntry(EntryNumber number, List<Row> rows, LedgerVerdict ledger) {
        this(number, rows, ledger, 0);
    }

    /**
     * An entry with more rows than {@link StagedEntryReader#MAX_ENTRY_ROWS}: {@code rows}
     * holds only its first row (for its importer and type), {@code rowCount} says how
     * many it has. It is a DATA_ERROR, not assessed.
     */
    public static StagedEntry oversized(EntryNumber number, Row first, long rowCount) {
        return new StagedEntry(number, List.of(first), LedgerVerdict.NONE, rowCount);
    }

    public boolean oversized() {
        return oversizedRows > 0;
    }

    public StagedEntry withLedger(LedgerVerdict verdict) {
        return new StagedEntry(number, rows, verdict, oversizedRows);
    }

    /**
     * One row: where it came from and its cells in
     * {@link org.capebatch.entry.Es003Column} order; {@code defect} is the problem the
     * import found with the row as a whole (a short row), null for a whole row.
     */
    public record Row(RowSource source, String[] cells, RowError defect) {

        public Row(RowSource source, String[] cells) {
            this(source, cells, null);
        }
    }
}
