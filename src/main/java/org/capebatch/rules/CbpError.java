package org.capebatch.rules;

import java.util.List;
import java.util.Locale;

/**
 * A CBP entry error (Claim Details {@code ERROR_DESCRIPTION}) with its class and remedy
 * per the table of SPEC §6.3 (CAPE-RULES §2.4). The text is matched case-insensitively
 * after trimming, by its start: CBP appends detail to some messages
 * ({@code GOODS VALUE AMOUNT MUST BE REPORTED ON THE CH 1-97}).
 *
 * @param remedy what the broker does about a HOLD error; null for RESUBMIT (the next run
 * decides)
 */
public record CbpError(String text, CbpErrorClass errorClass, Remedy remedy) {

    private record Row(String start, CbpErrorClass errorClass, Remedy remedy) {
    }

    // Longer texts first where one starts another (HTS RELATIONSHIP/SEQUENCE vs HTS
    // RELATIONSHIP MISMATCH do not,
    // but the order keeps the table readable in SPEC order).
    private static final List<Row> TABLE = List.of(new Row("UNABLE TO CALCULATE DUTY", CbpErrorClass.RESUBMIT, null),
            new Row("STATEMENT PROCESSING NOT COMPLETE", CbpErrorClass.RESUBMIT, null),
            new Row("PROTEST ON ENTRY", CbpErrorClass.RESUBMIT, null),
            new Row("INVALID HTS", CbpErrorClass.HOLD, Remedy.FILE_PSC),
            new Row("HTS RELATIONSHIP MISMATCH", CbpErrorClass.HOLD, Remedy.FILE_PSC),
            new Row("HTS RELATIONSHIP/SEQUENCE MISMATCH", CbpErrorClass.HOLD, Remedy.FILE_PSC),
            new Row("GOODS VALUE AMOUNT", CbpErrorClass.HOLD, Remedy.FILE_PSC),
            new Row("ENTRY SUMMARY FLAGGED FOR RECON", CbpErrorClass.HOLD, Remedy.AWAIT_PHASE),
            new Row("ENTRY ON DRAWBACK", CbpErrorClass.HOLD, Remedy.AWAIT_PHASE),
            new Row("ENTRY TYPE NOT ALLOWED", CbpErrorClass.HOLD, Remedy.AWAIT_PHASE),
            new Row("ENTRY SUMMARY IS IN FINAL LIQUIDATION STATUS", CbpErrorClass.HOLD, Remedy.PROTEST),
            new Row("ENTRY SUMMARY IS CANCELLED/REJECTED", CbpErrorClass.HOLD, Remedy.NONE));

    /**
     * Classifies an error text as SPEC §6.3 says; anything not in the table is HOLD with
     * remedy REVIEW.
     */
    public static CbpError classify(String text) {
        String trimmed = text == null ? "" : text.trim();
        String upper = trimmed.toUpperCase(Locale.ROOT);
        for (Row row : TABLE) {
            if (upper.startsWith(row.start())) {
                return new CbpError(trimmed, row.errorClass(), row.remedy());
            }
        }
        return new CbpError(trimmed, CbpErrorClass.HOLD, Remedy.REVIEW);
    }

    public boolean hold() {
        return errorClass == CbpErrorClass.HOLD;
    }
}
