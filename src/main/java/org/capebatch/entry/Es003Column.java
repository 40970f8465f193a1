package org.capebatch.entry;

/**
 * The ES-003 columns this program reads (SPEC §2), in SPEC order. Headers are matched by
 * {@link #key()}: lower-case letters and digits only, so {@code HTS Number - Full} and
 * {@code hts_number_full} are the same column.
 */
public enum Es003Column {

    ENTRY_SUMMARY_NUMBER("Entry Summary Number", true, true), ENTRY_TYPE_CODE("Entry Type Code", true, true),
    IMPORTER_NUMBER("Importer Number", true, true), ENTRY_DATE("Entry Date", true, true),
    HTS_NUMBER_FULL("HTS Number - Full", true, false), LINE_TARIFF_DUTY_AMOUNT("Line Tariff Duty Amount", true, false),
    ENTRY_SUMMARY_LINE_NUMBER("Entry Summary Line Number", false, false),
    TARIFF_ORDINAL_NUMBER("Tariff Ordinal Number", false, false), ENTRY_SUMMARY_DATE("Entry Summary Date", false, true),
    PAYMENT_DATE("Payment Date", false, true), ENTRY_SUMMARY_STATUS("Entry Summary Status", false, true),
    LIQUIDATION_STATUS("Liquidation Status", false, true), LIQUIDATION_DATE("Liquidation Date", false, true),
    RECONCILIATION_FLAG("Reconciliation Flag", false, true),
    RECONCILIATION_SUMMARY_FILED("Reconciliation Summary Filed", false, true),
    DRAWBACK_FLAG("Drawback Flag", false, true), SURETY_PAID("Surety Paid", false, true),
    PROTEST_STATUS("Protest Status", false, true), ADCVD_STATUS("ADCVD Status", false, true),
    STATEMENT_STATUS("Statement Status", false, true), IMPORTER_TYPE("Importer Type", false, true);

    private final String header;

    private final boolean required;

    private final boolean entryLevel;

    private final String key;

    Es003Column(String header, boolean required, boolean entryLevel) {
        this.header = header;
        this.required = required;
        this.entryLevel = entryLevel;
        this.key = Es003Values.key(header);
    }

    /**
     * The canonical header text of SPEC §2, used in messages and
     * {@code rejected-rows.csv}.
     */
    public String header() {
        return header;
    }

    /** Whether a file without this column is rejected as a whole (SPEC §2). */
    public boolean required() {
        return required;
    }

    /** The header as matched: lower-case letters and digits only. */
    public String key() {
        return key;
    }

    /**
     * Whether all rows of one entry must agree on this column (SPEC §2: every column but
     * line number, tariff ordinal, HTS number and duty; the entry number trivially
     * agrees, being the grouping key).
     */
    public boolean entryLevel() {
        return entryLevel;
    }

}
