package org.capebatch.answers;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One data row of an answers file, read and validated (SPEC §6.2, §6.4). Text values are
 * as written, cleaned (trimmed, {@code ="…"} unwrapped). A malformed row has a
 * {@code rejectMessage} naming the column and value, a null {@code action}, and
 * {@code entryNumber} null when the entry number itself was the problem.
 *
 * @param entryNumber the valid 11-character entry number, or null
 * @param refundAmount principal CBP paid (ES-022), null when not given
 * @param interestAmount interest CBP paid (ES-022), null when not given
 */
public record AnswerRow(long line, String entryNumber, String entryAsWritten, String claimNumber, AnswerKind kind,
        String cbpStatus, String errorDescription, AnswerAction action, String importerNumber, BigDecimal refundAmount,
        BigDecimal interestAmount, String refundNumber, LocalDate refundDate, String refundStatus,
        String rejectMessage) {

    public boolean rejected() {
        return rejectMessage != null;
    }
}
