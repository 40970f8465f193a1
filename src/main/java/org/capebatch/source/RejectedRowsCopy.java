package org.capebatch.source;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.RowError;
import org.capebatch.jdbc.PgCopy;

/**
 * Appends row errors to {@code cape_rejected_row} (SPEC §5 rejected-rows.csv) through
 * COPY; numbers several errors of one row so they keep their order.
 */
public final class RejectedRowsCopy {

    private final long runId;

    private final PgCopy copy = new PgCopy("cape_rejected_row", "run_id", "file_index", "line", "seq", "source_file",
            "column_name", "value", "message", "entry_number");

    private final Map<String, Integer> seqByRow = new HashMap<>();

    public RejectedRowsCopy(long runId) {
        this.runId = runId;
    }

    public void add(int fileIndex, RowError error, EntryNumber entry) {
        int seq = seqByRow.merge(fileIndex + ":" + error.source().line(), 1, Integer::sum) - 1;
        copy.add(runId)
            .add(fileIndex)
            .add(error.source().line())
            .add(seq)
            .add(storable(error.source().file()))
            .add(storable(nullToEmpty(error.column())))
            .add(storable(shown(nullToEmpty(error.value()))))
            .add(storable(error.message()))
            .add(entry == null ? null : entry.value())
            .endRow();
    }

    public void flush(DataSource dataSource) {
        copy.flush(dataSource);
        seqByRow.clear();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * Longest value shown in rejected-rows.csv; the rest is summarised (a 10 MB cell
     * helps nobody there).
     */
    static final int MAX_SHOWN_CHARS = 300;

    static String shown(String value) {
        return value.length() <= MAX_SHOWN_CHARS ? value
                : value.substring(0, MAX_SHOWN_CHARS) + "... (" + value.length() + " characters)";
    }

    /**
     * PostgreSQL text cannot hold NUL: it is shown as U+2400 (the symbol for NUL), so the
     * row is still listed.
     */
    static String storable(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\u2400');
    }

}
