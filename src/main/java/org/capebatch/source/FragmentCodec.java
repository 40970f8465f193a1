package org.capebatch.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs the rows of a {@link RowFragment} into one text value for
 * {@code cape_staged_fragment.payload} and back. Rows are separated by RS (U+001E), a row
 * is its line number then its cells separated by US (U+001F); a backslash, RS, US or NUL
 * inside a cell is escaped, so any cell text survives the round trip. A null cell comes
 * back empty, which the row parser treats the same (SPEC §2: blank and absent optional
 * values have the same default). A row with a defect ({@link StagedRow#defect()}) has
 * {@code !} after its line number and the defect's column and text as two cells before
 * its own.
 * <p>
 * A non-blank cell equal to the same cell of the row before it in the fragment is written
 * as the two characters {@code \d} (ditto). An entry's rows repeat its entry-level values
 * (number, importer, dates, statuses), so this about halves what the import sends to
 * PostgreSQL, what the database stores and logs, and what the assess step reads back; the
 * decoded row shares the earlier row's String, which the row parser's same-entry check
 * then compares by identity. Payloads written before dittos existed decode unchanged:
 * their only escapes were backslash, 1, 2 and 0.
 */
public final class FragmentCodec {

    private static final char ROW = '\u001E';

    private static final char CELL = '\u001F';

    private static final char ESCAPE = '\\';

    private static final char DEFECT = '!';

    private static final char DITTO = 'd';

    private FragmentCodec() {
    }

    public static String encode(List<StagedRow> rows) {
        StringBuilder sb = new StringBuilder(rows.size() * 128);
        encode(rows, sb, false);
        return sb.toString();
    }

    /**
     * Appends the payload as PostgreSQL's COPY text format holds it (backslashes doubled,
     * tab and line ends escaped): the import writes it straight into its COPY buffer
     * instead of building the payload and scanning it again.
     */
    public static void appendCopyText(List<StagedRow> rows, StringBuilder copyBuffer) {
        encode(rows, copyBuffer, true);
    }

    private static void encode(List<StagedRow> rows, StringBuilder sb, boolean copyText) {
        String[] previous = null;
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                sb.append(ROW);
            }
            StagedRow row = rows.get(r);
            sb.append(row.line());
            if (row.defect() != null) {
                sb.append(DEFECT).append(CELL);
                appendEscaped(sb, row.defectColumn() == null ? "" : row.defectColumn(), copyText);
                sb.append(CELL);
                appendEscaped(sb, row.defect(), copyText);
            }
            String[] cells = row.cells();
            for (int c = 0; c < cells.length; c++) {
                sb.append(CELL);
                String cell = cells[c];
                if (cell == null || cell.isEmpty()) {
                    continue;
                }
                if (previous != null && c < previous.length && cell.equals(previous[c])) {
                    escapeMark(sb, copyText).append(DITTO);
                }
                else {
                    appendEscaped(sb, cell, copyText);
                }
            }
            previous = cells;
        }
    }

    public static List<StagedRow> decode(String payload, int columns) {
        List<StagedRow> rows = new ArrayList<>(4);
        String[] previous = null;
        int length = payload.length();
        // Escapes never produce a raw separator, so separators are found by indexOf (a
        // vector scan) instead of a look at every character; each position found is kept
        // until passed.
        int nextCell = -1;
        int nextRow = -1;
        int nextEscape = -1;
        int pos = 0;
        while (pos <= length) {
            nextCell = next(payload, CELL, pos, nextCell);
            int lineEnd = nextCell;
            boolean defective = payload.charAt(lineEnd - 1) == DEFECT;
            long line = Long.parseLong(payload, pos, defective ? lineEnd - 1 : lineEnd, 10);
            // a defect's two cells come first: read them as cells -2 and -1
            String[] cells = new String[columns];
            String[] defect = new String[2];
            pos = lineEnd + 1;
            int c = defective ? -2 : 0;
            while (true) {
                nextCell = next(payload, CELL, pos, nextCell);
                nextRow = next(payload, ROW, pos, nextRow);
                nextEscape = next(payload, ESCAPE, pos, nextEscape);
                int end = Math.min(nextCell, nextRow);
                boolean escaped = nextEscape < end;
                if (c < 0) {
                    defect[c + 2] = escaped ? unescape(payload, pos, end) : payload.substring(pos, end);
                }
                else if (c < columns) {
                    if (!escaped) {
                        cells[c] = payload.substring(pos, end);
                    }
                    else if (end - pos == 2 && payload.charAt(pos + 1) == DITTO && previous != null) {
                        cells[c] = previous[c];
                    }
                    else {
                        cells[c] = unescape(payload, pos, end);
                    }
                }
                c++;
                pos = end + 1;
                if (end >= length || end == nextRow) {
                    break;
                }
            }
            rows.add(defective ? new StagedRow(line, cells, defect[0], defect[1]) : new StagedRow(line, cells));
            previous = cells;
        }
        return rows;
    }

    /**
     * The first {@code ch} at or after {@code from}, or the length; {@code known} if
     * still ahead.
     */
    private static int next(String payload, char ch, int from, int known) {
        if (known >= from) {
            return known;
        }
        int found = payload.indexOf(ch, from);
        return found < 0 ? payload.length() : found;
    }

    private static String unescape(String payload, int from, int to) {
        StringBuilder cell = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char ch = payload.charAt(i);
            if (ch == ESCAPE) {
                char next = payload.charAt(++i);
                cell.append(next == '1' ? CELL : next == '2' ? ROW : next == '0' ? '\0' : next);
            }
            else {
                cell.append(ch);
            }
        }
        return cell.toString();
    }

    private static void appendEscaped(StringBuilder sb, String cell, boolean copyText) {
        if (!needsEscape(cell)) {
            sb.append(cell);
            return;
        }
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            switch (ch) {
                case ESCAPE -> escapeMark(escapeMark(sb, copyText), copyText);
                case CELL -> escapeMark(sb, copyText).append('1');
                case ROW -> escapeMark(sb, copyText).append('2');
                // PostgreSQL text cannot hold NUL; the row parser must still see it to
                // reject the value
                case '\0' -> escapeMark(sb, copyText).append('0');
                case '\t' -> sb.append(copyText ? "\\t" : "\t");
                case '\n' -> sb.append(copyText ? "\\n" : "\n");
                case '\r' -> sb.append(copyText ? "\\r" : "\r");
                default -> sb.append(ch);
            }
        }
    }

    /** The codec's escape character, itself escaped when written as COPY text. */
    private static StringBuilder escapeMark(StringBuilder sb, boolean copyText) {
        return copyText ? sb.append(ESCAPE).append(ESCAPE) : sb.append(ESCAPE);
    }

    /** Backslash or a control character (separators, NUL, tab, line ends among them). */
    private static boolean needsEscape(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (ch < 0x20 || ch == ESCAPE) {
                return true;
            }
        }
        return false;
    }

}
