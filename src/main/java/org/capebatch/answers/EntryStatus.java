package org.capebatch.answers;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.capebatch.rules.LedgerState;

/**
 * One row of entry-status.csv (SPEC §6.6): an entry the ledger holds, its latest
 * declaration and the estimate of that run, the deadline of its latest assessment, and
 * what CBP answered and paid.
 */
public record EntryStatus(String entryNumber, String importerNumber, String declaration, LocalDate declaredOn,
        LedgerState state, String claimNumber, String cbpError, String remedy, LocalDate deadline, boolean urgent,
        BigDecimal ieepaDuty, BigDecimal interest, BigDecimal refundAmount, BigDecimal interestAmount,
        LocalDate refundDate, String refundStatus) {

    /** What the broker does next (SPEC §6.6 {@code action}). */
    public String action(BigDecimal varianceTolerance) {
        return switch (state) {
            case DECLARED -> "WAIT";
            case RELEASED -> "REDECLARE";
            case FAILED -> "FIX";
            case ACCEPTED -> {
                BigDecimal variance = principalVariance();
                yield variance != null && variance.abs().compareTo(varianceTolerance) > 0 ? "CHECK_REFUND" : "NONE";
            }
        };
    }

    /** Paid − estimated principal; null until paid. */
    public BigDecimal principalVariance() {
        return refundAmount == null || ieepaDuty == null ? null : refundAmount.subtract(ieepaDuty);
    }

    /** Paid − estimated interest; null until CBP reports the interest it paid. */
    public BigDecimal interestVariance() {
        return interestAmount == null || interest == null ? null : interestAmount.subtract(interest);
    }
}
