package org.capebatch.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Turns one ES-003 row into a {@link TariffRow}, applying SPEC §2's formats and defaults.
 * Every column is parsed even after an error, so {@code rejected-rows.csv} shows all that
 * is wrong with a row at once. Stateless and thread-safe; exceptions are thrown only by
 * invalid values, never on the valid path.
 */
public final class Es003RowParser {

    private static final String BLANK_REQUIRED = "required value is blank";

    /**
     * Entry-level columns (SPEC §2): all but line number, tariff ordinal, HTS number and
     * duty.
     */
    private static final Es003Column[] ENTRY_LEVEL = Arrays.stream(Es003Column.values())
        .filter(c -> c.entryLevel())
        .toArray(Es003Column[]::new);

    private static final Es003Column[] ROW_LEVEL = Arrays.stream(Es003Column.values())
        .filter(c -> !c.entryLevel())
        .toArray(Es003Column[]::new);

    private static final Es003Column[] ALL = Es003Column.values();

    /**
     * Parses the next row of the same entry. An ES-003 export repeats the entry-level
     * values on every tariff row; when they are written exactly as on {@code previous}
     * (which parsed cleanly), they would parse to the same values, so only the row's own
     * columns are parsed and the previous row's facts are kept. The result is the one
     * {@link #parse(RowSource, Es003Header, String[])} gives, at a fraction of the cost.
     */
    public ParsedRow parseNext(RowSource source, Es003Header header, String[] cells, ParsedRow previous,
            String[] previousCells) {
        if (previous == null || previous.rejected() || !sameEntryLevelCells(header, cells, previousCells)) {
            return parse(source, header, cells);
        }
        Errors errors = new Errors(source, header, cells);
        // the entry-level cells equal those of a row that passed this check
        errors.checkText(ROW_LEVEL);
        String hts = hts(header, cells, errors);
        BigDecimal duty = duty(header, cells, errors);
        Integer lineNumber = errors.optionalInt(Es003Column.ENTRY_SUMMARY_LINE_NUMBER);
        Integer tariffOrdinal = errors.optionalInt(Es003Column.TARIFF_ORDINAL_NUMBER);
        TariffRow before = previous.row();
        if (errors.any()) {
            return new ParsedRow(source, before.entryNumber(), null, errors.list());
        }
        TariffRow row = new TariffRow(source, before.entryNumber(), lineNumber, tariffOrdinal, hts, duty,
                before.facts());
        return new ParsedRow(source, before.entryNumber(), row, List.of());
    }

    private static boolean sameEntryLevelCells(Es003Header header, String[] cells, String[] previousCells) {
        for (Es003Column column : ENTRY_LEVEL) {
            if (!Objects.equals(header.value(cells, column), header.value(previousCells, column))) {
                return false;
            }
        }
        return true;
    }

    private static String hts(Es003Header header, String[] cells, Errors errors) {
        String rawHts = header.value(cells, Es003Column.HTS_NUMBER_FULL);
        if (errors.requirePresent(Es003Column.HTS_NUMBER_FULL, rawHts)) {
            try {
                return Es003Values.hts(rawHts);
            }
            catch (InvalidValueException e) {
                errors.add(Es003Column.HTS_NUMBER_FULL, rawHts, e.getMessage());
            }
        }
        return null;
    }

    private static BigDecimal duty(Es003Header header, String[] cells, Errors errors) {
        // SPEC §2: a blank duty is 0 (IEEPA lines often show FREE or nothing), so no
        // blank check here.
        String rawDuty = header.value(cells, Es003Column.LINE_TARIFF_DUTY_AMOUNT);
        try {
            return Es003Values.money(rawDuty);
        }
        catch (InvalidValueException e) {
            errors.add(Es003Column.LINE_TARIFF_DUTY_AMOUNT, rawDuty, e.getMessage());
            return null;
        }
    }

    public ParsedRow parse(RowSource source, Es003Header header, String[] cells) {
        Errors errors = new Errors(source, header, cells);
        errors.checkText(ALL);

        EntryNumber entryNumber = null;
        String rawNumber = header.value(cells, Es003Column.ENTRY_SUMMARY_NUMBER);
        if (errors.requirePresent(Es003Column.ENTRY_SUMMARY_NUMBER, rawNumber)) {
            try {
                entryNumber = EntryNumber.parse(rawNumber);
            }
            catch (InvalidValueException e) {
                errors.add(Es003Column.ENTRY_SUMMARY_NUMBER, rawNumber, e.getMessage());
            }
        }

        String entryType = null;
        String rawType = header.value(cells, Es003Column.ENTRY_TYPE_CODE);
        if (errors.requirePresent(Es003Column.ENTRY_TYPE_CODE, rawType)) {
            try {
                entryType = Es003Values.entryType(rawType);
            }
            catch (InvalidValueException e) {
                errors.add(Es003Column.ENTRY_TYPE_CODE, rawType, e.getMessage());
            }
        }

        // SPEC §2: the importer number is kept as written (only trimmed and unwrapped).
        String importerNumber = null;
        String rawImporter = header.value(cells, Es003Column.IMPORTER_NUMBER);
        if (errors.requirePresent(Es003Column.IMPORTER_NUMBER, rawImporter)) {
            try {
                importerNumber = Es003Values.importerNumber(rawImporter);
            }
            catch (InvalidValueException e) {
                errors.add(Es003Column.IMPORTER_NUMBER, rawImporter, e.getMessage());
            }
        }

        LocalDate entryDate = errors.date(Es003Column.ENTRY_DATE);
        if (entryDate == null) {
            errors.requirePresent(Es003Column.ENTRY_DATE, header.value(cells, Es003Column.ENTRY_DATE));
        }

        String hts = hts(header, cells, errors);
        BigDecimal duty = duty(header, cells, errors);

        Integer lineNumber = errors.optionalInt(Es003Column.ENTRY_SUMMARY_LINE_NUMBER);
        Integer tariffOrdinal = errors.optionalInt(Es003Column.TARIFF_ORDINAL_NUMBER);
        LocalDate entrySummaryDate = errors.date(Es003Column.ENTRY_SUMMARY_DATE);
        LocalDate paymentDate = errors.date(Es003Column.PAYMENT_DATE);
        SummaryStatus summaryStatus = errors.status(Es003Column.ENTRY_SUMMARY_STATUS, SummaryStatus.class,
                SummaryStatus.ACCEPTED);
        LiquidationStatus liquidationStatus = errors.status(Es003Column.LIQUIDATION_STATUS, LiquidationStatus.class,
                null);
        LocalDate liquidationDate = errors.date(Es003Column.LIQUIDATION_DATE);
        if (liquidationStatus == null) {
            // SPEC §2: blank liquidation status is LIQUIDATED when a liquidation date is
            // given.
            liquidationStatus = liquidationDate != null ? LiquidationStatus.LIQUIDATED : LiquidationStatus.UNLIQUIDATED;
        }
        boolean reconciliationFlag = errors.flag(Es003Column.RECONCILIATION_FLAG);
        boolean reconciliationSummaryFiled = errors.flag(Es003Column.RECONCILIATION_SUMMARY_FILED);
        boolean drawbackFlag = errors.flag(Es003Column.DRAWBACK_FLAG);
        boolean suretyPaid = errors.flag(Es003Column.SURETY_PAID);
        ProtestStatus protestStatus = errors.status(Es003Column.PROTEST_STATUS, ProtestStatus.class,
                ProtestStatus.NONE);
        AdcvdStatus adcvdStatus = errors.status(Es003Column.ADCVD_STATUS, AdcvdStatus.class, AdcvdStatus.NONE);
        StatementStatus statementStatus = errors.status(Es003Column.STATEMENT_STATUS, StatementStatus.class,
                StatementStatus.PAID);
        // SPEC §4: a blank importer type stays unknown; the refund calculator decides the
        // rate.
        ImporterType importerType = errors.status(Es003Column.IMPORTER_TYPE, ImporterType.class, null);

        if (errors.any()) {
            return new ParsedRow(source, entryNumber, null, errors.list());
        }
        EntryFacts facts = new EntryFacts(entryType, importerNumber, entryDate, entrySummaryDate, paymentDate,
                summaryStatus, liquidationStatus, liquidationDate, reconciliationFlag, reconciliationSummaryFiled,
                drawbackFlag, suretyPaid, protestStatus, adcvdStatus, statementStatus, importerType);
        TariffRow row = new TariffRow(source, entryNumber, lineNumber, tariffOrdinal, hts, duty, facts);
        return new ParsedRow(source, entryNumber, row, List.of());
    }

    /**
     * Collects the errors of one row; the list is created only when the first error
     * appears.
     */
    private static final class Errors {

        private final RowSource source;

        private final Es003Header header;

        private final String[] cells;

        private List<RowError> list;

        /**
         * Columns whose text failed {@link Es003Values#checkText}: reported once, not
         * parsed again.
         */
        private long badText;

        Errors(RowSource source, Es003Header header, String[] cells) {
            this.source = source;
            this.header = header;
            this.cells = cells;
        }

        /** Every value gets its bounds checked before it is parsed (issue 7 item 5). */
        void checkText(Es003Column[] columns) {
            for (Es003Column column : columns) {
                String raw = header.value(cells, column);
                if (raw == null || raw.isEmpty()) {
                    continue;
                }
                try {
                    Es003Values.checkText(raw);
                }
                catch (InvalidValueException e) {
                    add(column, raw, e.getMessage());
                    badText |= 1L << column.ordinal();
                }
            }
        }

        void add(Es003Column column, String raw, String message) {
            if ((badText & (1L << column.ordinal())) != 0) {
                return;
            }
            if (list == null) {
                list = new ArrayList<>(2);
            }
            list.add(new RowError(source, column.header(), raw == null ? "" : raw, message));
        }

        boolean any() {
            return list != null;
        }

        List<RowError> list() {
            return list == null ? List.of() : list;
        }

        /**
         * Records an error when a required value is blank; returns whether it is present.
         */
        boolean requirePresent(Es003Column column, String raw) {
            if (Es003Values.clean(raw).isEmpty()) {
                add(column, raw, BLANK_REQUIRED);
                return false;
            }
            return true;
        }

        LocalDate date(Es003Column column) {
            String raw = header.value(cells, column);
            try {
                return Es003Values.date(raw);
            }
            catch (InvalidValueException e) {
                add(column, raw, e.getMessage());
                return null;
            }
        }

        boolean flag(Es003Column column) {
            String raw = header.value(cells, column);
            try {
                return Es003Values.flag(raw);
            }
            catch (InvalidValueException e) {
                add(column, raw, e.getMessage());
                return false;
            }
        }

        Integer optionalInt(Es003Column column) {
            String raw = header.value(cells, column);
            try {
                return Es003Values.optionalInt(raw);
            }
            catch (InvalidValueException e) {
                add(column, raw, e.getMessage());
                return null;
            }
        }

        <E extends Enum<E>> E status(Es003Column column, Class<E> type, E defaultWhenBlank) {
            String raw = header.value(cells, column);
            try {
                return Es003Values.status(raw, type, defaultWhenBlank);
            }
            catch (InvalidValueException e) {
                add(column, raw, e.getMessage());
                return null;
            }
        }

    }

}
