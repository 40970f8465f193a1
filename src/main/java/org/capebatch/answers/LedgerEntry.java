package org.capebatch.answers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import org.capebatch.rules.CbpErrorClass;
import org.capebatch.rules.LedgerState;
import org.capebatch.rules.Remedy;

/**
 * What the ledger holds about one entry besides its declaration (SPEC §6.5): state, the
 * claim it was accepted under, the CBP error it failed with (class and remedy per SPEC
 * §6.3), and what CBP paid.
 */
public record LedgerEntry(LedgerState state, String claimNumber, String cbpError, CbpErrorClass errorClass,
        Remedy remedy, BigDecimal refundAmount, BigDecimal interestAmount, String refundNumber, LocalDate refundDate,
        String refundStatus) {

    public LedgerEntry {
        Objects.requireNonNull(state, "state");
    }

    LedgerEntry with(LedgerState newState, String claim, String error, CbpErrorClass newClass, Remedy newRemedy) {
        return new LedgerEntry(newState, claim, error, newClass, newRemedy, refundAmount, interestAmount, refundNumber,
                refundDate, refundStatus);
    }

    LedgerEntry withRefund(AnswerRow row) {
        return new LedgerEntry(state, claimNumber, cbpError, errorClass, remedy,
                row.refundAmount() != null ? row.refundAmount() : refundAmount,
                row.interestAmount() != null ? row.interestAmount() : interestAmount,
                row.refundNumber() != null ? row.refundNumber() : refundNumber,
                row.refundDate() != null ? row.refundDate() : refundDate,
                row.refundStatus() != null ? row.refundStatus() : refundStatus);
    }
}
