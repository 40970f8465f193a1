package org.capebatch.answers;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.Es003Values;
import org.capebatch.entry.InvalidValueException;

/**
 * Validates one data row of an answers file (SPEC §6.2, §6.4). Entry numbers as in SPEC
 * §2 (check digit included); claim numbers digits only; Claim Details {@code STATUS}
 * {@code Entry Summary Updated} or {@code Failed} (case, spaces, {@code _} and {@code -}
 * do not matter); ES-022 money and dates in the formats of SPEC §2. The first problem
 * rejects the row with the column and the value as written.
 */
public final class AnswerRowParser {

    /** NUMERIC(18,2): what the ledger can hold. */
    private static final BigDecimal MONEY_LIMIT = new BigDecimal("1E16");

    private static final String ACCEPTED_STATUS = Es003Values.key("Entry Summary Updated");

    private static final String FAILED_STATUS = Es003Values.key("Failed");

    private AnswerRowParser() {
    }

    public static AnswerRow parse(AnswerHeader header, long line, String[] cells) {
        Builder row = new Builder(header, line, cells);
        try {
            row.read();
        }
        catch (RejectedValue e) {
            row.rejectMessage = e.getMessage();
            row.action = null;
        }
        return row.build();
    }

    private static final class RejectedValue extends RuntimeException {

        RejectedValue(AnswerColumn column, String value, String problem) {
            super(column.header() + " '" + value + "': " + problem);
        }

    }

    private static final class Builder {

        private final AnswerHeader header;

        private final long line;

        private final String[] cells;

        private String entryNumber;

        private final String entryAsWritten;

        private final String claimNumber;

        private final String cbpStatus;

        private final String errorDescription;

        private AnswerAction action;

        private String importerNumber;

        private BigDecimal refundAmount;

        private BigDecimal interestAmount;

        private String refundNumber;

        private LocalDate refundDate;

        private String refundStatus;

        private String rejectMessage;

        Builder(AnswerHeader header, long line, String[] cells) {
            this.header = header;
            this.line = line;
            this.cells = cells;
            this.entryAsWritten = cell(header.entryColumn());
            boolean release = header.kind() == AnswerKind.RELEASE;
            this.claimNumber = release ? "" : cell(AnswerColumn.CLAIM_NUMBER);
            this.cbpStatus = release ? ""
                    : cell(header.kind() == AnswerKind.ES022 ? AnswerColumn.CLAIM_STATUS : AnswerColumn.STATUS);
            this.errorDescription = release ? "" : cell(AnswerColumn.ERROR_DESCRIPTION);
        }

        void read() {
            try {
                entryNumber = EntryNumber.parse(entryAsWritten).value();
            }
            catch (InvalidValueException e) {
                throw new RejectedValue(header.entryColumn(), entryAsWritten, e.getMessage());
            }
            switch (header.kind()) {
                case RELEASE -> action = AnswerAction.RELEASE;
                case CLAIM_DETAILS -> readClaimDetails();
                case ES022 -> readEs022();
                default -> throw new IllegalStateException(header.kind().name());
            }
        }

        private void readClaimDetails() {
            String status = Es003Values.key(cbpStatus);
            if (status.equals(ACCEPTED_STATUS)) {
                action = AnswerAction.ACCEPT;
                claimDigits(true);
            }
            else if (status.equals(FAILED_STATUS)) {
                action = AnswerAction.FAIL;
                claimDigits(false);
            }
            else {
                throw new RejectedValue(AnswerColumn.STATUS, cbpStatus,
                        "unknown status: expected Entry Summary Updated (accepted) or Failed");
            }
        }

        private void readEs022() {
            action = AnswerAction.ACCEPT;
            claimDigits(true);
            importerNumber = blankToNull(cell(AnswerColumn.IMPORTER_NUMBER));
            refundAmount = money(AnswerColumn.REFUND_AMOUNT);
            interestAmount = money(AnswerColumn.INTEREST_AMOUNT);
            refundNumber = blankToNull(cell(AnswerColumn.REFUND_NUMBER));
            refundDate = date(AnswerColumn.REFUND_DATE);
            refundStatus = blankToNull(cell(AnswerColumn.REFUND_STATUS));
        }

        /**
         * SPEC §6.2: claim numbers are digits; an accepted entry has one, a failed one
         * may not.
         */
        private void claimDigits(boolean required) {
            if (claimNumber.isEmpty()) {
                if (required) {
                    throw new RejectedValue(AnswerColumn.CLAIM_NUMBER, claimNumber,
                            "claim number is blank; an accepted entry has one");
                }
                return;
            }
            for (int i = 0; i < claimNumber.length(); i++) {
                char c = claimNumber.charAt(i);
                if (c < '0' || c > '9') {
                    throw new RejectedValue(AnswerColumn.CLAIM_NUMBER, claimNumber, "claim number must be digits");
                }
            }
        }

        private BigDecimal money(AnswerColumn column) {
            String value = cell(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                BigDecimal amount = Es003Values.money(value);
                if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
                    throw new RejectedValue(column, value, "amount must be whole cents");
                }
                if (amount.abs().compareTo(MONEY_LIMIT) >= 0) {
                    throw new RejectedValue(column, value, "amount too large");
                }
                return amount.setScale(2);
            }
            catch (InvalidValueException e) {
                throw new RejectedValue(column, value, e.getMessage());
            }
        }

        private LocalDate date(AnswerColumn column) {
            String value = cell(column);
            try {
                return Es003Values.date(value);
            }
            catch (InvalidValueException e) {
                throw new RejectedValue(column, value, e.getMessage());
            }
        }

        private String cell(AnswerColumn column) {
            return Es003Values.clean(header.value(cells, column));
        }

        private static String blankToNull(String value) {
            return value.isEmpty() ? null : value;
        }

        AnswerRow build() {
            return new AnswerRow(line, entryNumber, entryAsWritten, claimNumber, header.kind(), cbpStatus,
                    errorDescription, action, importerNumber, refundAmount, interestAmount, refundNumber, refundDate,
                    refundStatus, rejectMessage);
        }

    }

}
