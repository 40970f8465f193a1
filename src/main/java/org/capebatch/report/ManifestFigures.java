package org.capebatch.report;

import java.math.BigDecimal;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The manifest's counts and totals, handed from the report step to the manifest step
 * through the job's execution context, so they survive a restart of the manifest step
 * without a second pass over the assessments. Amounts travel as their exact text.
 */
public final class ManifestFigures {

    private static final String PREFIX = "manifest.";

    static final String ROWS_READ = PREFIX + "rowsRead";

    static final String ROWS_REJECTED = PREFIX + "rowsRejected";

    static final String ENTRIES = PREFIX + "entries";

    static final String ELIGIBLE = PREFIX + "eligible";

    static final String IEEPA_DUTY = PREFIX + "ieepaDuty";

    static final String INTEREST = PREFIX + "interest";

    static final String REFUND_TOTAL = PREFIX + "refundTotal";

    /** The keys the report step's context promotes to the job's. */
    public static final String[] KEYS = { ROWS_READ, ROWS_REJECTED, ENTRIES, ELIGIBLE, IEEPA_DUTY, INTEREST,
            REFUND_TOTAL };

    private ManifestFigures() {
    }

    static void put(ExecutionContext context, Manifest.Counts counts, Manifest.Totals totals) {
        context.putLong(ROWS_READ, counts.rowsRead());
        context.putLong(ROWS_REJECTED, counts.rowsRejected());
        context.putLong(ENTRIES, counts.entries());
        context.putLong(ELIGIBLE, counts.eligible());
        context.putString(IEEPA_DUTY, totals.ieepaDuty().toPlainString());
        context.putString(INTEREST, totals.interest().toPlainString());
        context.putString(REFUND_TOTAL, totals.refundTotal().toPlainString());
    }

    static Manifest.Counts counts(ExecutionContext context) {
        require(context);
        return new Manifest.Counts(context.getLong(ROWS_READ), context.getLong(ROWS_REJECTED), context.getLong(ENTRIES),
                context.getLong(ELIGIBLE));
    }

    static Manifest.Totals totals(ExecutionContext context) {
        require(context);
        return new Manifest.Totals(new BigDecimal(context.getString(IEEPA_DUTY)),
                new BigDecimal(context.getString(INTEREST)), new BigDecimal(context.getString(REFUND_TOTAL)));
    }

    private static void require(ExecutionContext context) {
        for (String key : KEYS) {
            if (!context.containsKey(key)) {
                throw new IllegalStateException("The report step's figures (" + key
                        + ") are missing from the job's context: the report step has not completed");
            }
        }
    }

}
