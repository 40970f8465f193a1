package org.capebatch.answers;

import org.capebatch.entry.Es003Values;

/**
 * The columns an answers file may have (SPEC §6.2, §6.4), with their header as CBP writes
 * it.
 */
public enum AnswerColumn {

    ENTRY_NUMBER("ENTRY_NUMBER"), CLAIM_NUMBER("CLAIM_NUMBER"), STATUS("STATUS"),
    ERROR_DESCRIPTION("ERROR_DESCRIPTION"), ENTRY_SUMMARY_NUMBER("Entry Summary Number"), CLAIM_STATUS("Claim Status"),
    IMPORTER_NUMBER("Importer Number"), REFUND_AMOUNT("Refund Amount"), INTEREST_AMOUNT("Interest Amount"),
    REFUND_NUMBER("Refund Number"), REFUND_DATE("Refund Date"), REFUND_STATUS("Refund Status");

    private final String header;

    private final String key;

    AnswerColumn(String header) {
        this.header = header;
        this.key = Es003Values.key(header);
    }

    public String header() {
        return header;
    }

    /** Headers are compared on letters and digits only, case-insensitively (SPEC §2). */
    public String key() {
        return key;
    }

}
