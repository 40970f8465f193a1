package org.capebatch.entry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds one {@link Entry} from its parsed rows in input order, applying SPEC §2's entry
 * rules:
 * <ul>
 * <li>a row that did not parse makes the entry a data error, since a refund from the
 * other rows would be wrong;</li>
 * <li>a row whose (line, ordinal) was already seen with identical values is a duplicate
 * from overlapping exports: dropped with the message {@code duplicate row}, harmless to
 * the entry; with different values it is a data error;</li>
 * <li>a row whose entry-level values differ from the entry's first parsed row is a data
 * error.</li>
 * </ul>
 * Every row left out of {@code entry.rows()} is in the rejections, so nothing is lost.
 * Stateless.
 */
public final class EntryAssembler {

    static final String DUPLICATE_ROW = "duplicate row";

    private static final Es003Column[] COLUMNS = Es003Column.values();

    public AssembledEntry assemble(EntryNumber number, List<ParsedRow> rowsInInputOrder) {
        List<TariffRow> kept = new ArrayList<>(rowsInInputOrder.size());
        List<RowError> rejections = new ArrayList<>();
        Map<LineKey, TariffRow> seen = new HashMap<>();
        TariffRow first = null;
        boolean dataError = false;

        for (ParsedRow parsed : rowsInInputOrder) {
            if (parsed.entryNumber() != null && !parsed.entryNumber().equals(number)) {
                throw new IllegalArgumentException(
                        "row " + parsed.source() + " belongs to entry " + parsed.entryNumber() + ", not " + number);
            }
            if (parsed.rejected()) {
                rejections.addAll(parsed.errors());
                dataError = true;
                continue;
            }
            TariffRow row = parsed.row();
            LineKey key = LineKey.of(row);
            TariffRow earlier = key == null ? null : seen.get(key);
            if (earlier != null) {
                Es003Column differing = firstDifference(earlier, row, false);
                if (differing == null) {
                    rejections.add(new RowError(row.source(), "", "", DUPLICATE_ROW));
                }
                else {
                    rejections.add(new RowError(row.source(), differing.header(), display(row, differing),
                            "conflicts with line " + earlier.source().line() + " of " + earlier.source().file() + ": "
                                    + orBlank(display(earlier, differing)) + " vs "
                                    + orBlank(display(row, differing))));
                    dataError = true;
                }
                continue;
            }
            if (first == null) {
                first = row;
            }
            else if (!first.facts().equals(row.facts())) {
                Es003Column differing = firstDifference(first, row, true);
                rejections.add(new RowError(row.source(), differing.header(), display(row, differing),
                        "conflicts with " + differing.header() + " '" + display(first, differing) + "' on line "
                                + first.source().line() + " of " + first.source().file()));
                dataError = true;
                continue;
            }
            if (key != null) {
                seen.put(key, row);
            }
            kept.add(row);
        }
        EntryFacts facts = first == null ? null : first.facts();
        return new AssembledEntry(new Entry(number, facts, kept, dataError), rejections);
    }

    /**
     * The first column, in SPEC §2 order, whose values differ; only entry-level ones when
     * asked.
     */
    private static Es003Column firstDifference(TariffRow a, TariffRow b, boolean entryLevelOnly) {
        for (Es003Column column : COLUMNS) {
            if (entryLevelOnly && !column.entryLevel()) {
                continue;
            }
            Object x = value(a, column);
            Object y = value(b, column);
            boolean same = x instanceof BigDecimal bx && y instanceof BigDecimal by ? bx.compareTo(by) == 0 // 25.0
                                                                                                            // and
                                                                                                            // 25.00
                                                                                                            // are
                                                                                                            // the
                                                                                                            // same
                                                                                                            // duty
                    : Objects.equals(x, y);
            if (!same) {
                return column;
            }
        }
        return null;
    }

    private static Object value(TariffRow row, Es003Column column) {
        EntryFacts f = row.facts();
        return switch (column) {
            case ENTRY_SUMMARY_NUMBER -> row.entryNumber();
            case ENTRY_TYPE_CODE -> f.entryType();
            case IMPORTER_NUMBER -> f.importerNumber();
            case ENTRY_DATE -> f.entryDate();
            case HTS_NUMBER_FULL -> row.htsNumber();
            case LINE_TARIFF_DUTY_AMOUNT -> row.duty();
            case ENTRY_SUMMARY_LINE_NUMBER -> row.lineNumber();
            case TARIFF_ORDINAL_NUMBER -> row.tariffOrdinal();
            case ENTRY_SUMMARY_DATE -> f.entrySummaryDate();
            case PAYMENT_DATE -> f.paymentDate();
            case ENTRY_SUMMARY_STATUS -> f.summaryStatus();
            case LIQUIDATION_STATUS -> f.liquidationStatus();
            case LIQUIDATION_DATE -> f.liquidationDate();
            case RECONCILIATION_FLAG -> f.reconciliationFlag();
            case RECONCILIATION_SUMMARY_FILED -> f.reconciliationSummaryFiled();
            case DRAWBACK_FLAG -> f.drawbackFlag();
            case SURETY_PAID -> f.suretyPaid();
            case PROTEST_STATUS -> f.protestStatus();
            case ADCVD_STATUS -> f.adcvdStatus();
            case STATEMENT_STATUS -> f.statementStatus();
            case IMPORTER_TYPE -> f.importerType();
        };
    }

    /**
     * A parsed value as text for messages: dates ISO, flags Y/N, money plain, absent
     * blank.
     */
    private static String display(TariffRow row, Es003Column column) {
        Object v = value(row, column);
        if (v == null) {
            return "";
        }
        if (v instanceof Boolean b) {
            return b ? "Y" : "N";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return v.toString();
    }

    private static String orBlank(String shown) {
        return shown.isEmpty() ? "(blank)" : shown;
    }

    /**
     * Identity of a tariff row inside its entry; only when the export carries both parts
     * (SPEC §2).
     */
    private record LineKey(int line, int ordinal) {

        static LineKey of(TariffRow row) {
            return row.lineNumber() == null || row.tariffOrdinal() == null ? null
                    : new LineKey(row.lineNumber(), row.tariffOrdinal());
        }
    }

}
