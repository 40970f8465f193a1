package org.capebatch.answers;

import org.capebatch.rules.CbpError;
import org.capebatch.rules.LedgerState;

/**
 * The state machine of SPEC §6.5, one answer row at a time: DECLARED → ACCEPTED (final)
 * or FAILED (HOLD error) → RELEASED (by a RESUBMIT error or a release) → DECLARED again
 * by a later declaration run. Plain Java, no database: the apply step folds an entry's
 * rows through it in import order.
 */
public final class LedgerTransitions {

    private LedgerTransitions() {
    }

    /**
     * @param current the entry's ledger state before this row, or null when the ledger
     * does not hold the entry
     */
    public static Transition apply(LedgerEntry current, AnswerRow row) {
        if (row.rejected()) {
            return new Transition(Outcome.REJECTED, row.rejectMessage(), current, current);
        }
        if (current == null) {
            String what = row.refundAmount() != null ? "a refund for an entry the ledger holds no declaration of"
                    : "the ledger holds no declaration of this entry";
            return new Transition(Outcome.UNKNOWN_ENTRY, what, null, null);
        }
        return switch (row.action()) {
            case ACCEPT -> accept(current, row);
            case FAIL -> fail(current, row);
            case RELEASE -> release(current);
        };
    }

    private static Transition accept(LedgerEntry current, AnswerRow row) {
        if (current.state() == LedgerState.ACCEPTED) {
            LedgerEntry paid = current.withRefund(row);
            String claim = " under claim " + current.claimNumber();
            if (!paid.equals(current)) {
                return applied(current, paid, "refund recorded; accepted" + claim);
            }
            String other = row.claimNumber().equals(current.claimNumber()) ? ""
                    : "; claim " + row.claimNumber() + " kept in the history";
            return unchanged(current, "already accepted" + claim + other);
        }
        LedgerEntry accepted = current.with(LedgerState.ACCEPTED, row.claimNumber(), null, null, null).withRefund(row);
        String was = current.state() == LedgerState.DECLARED ? "" : " (was " + current.state() + ")";
        return applied(current, accepted, "accepted under claim " + row.claimNumber() + was
                + (row.refundAmount() != null ? "; refund recorded" : ""));
    }

    private static Transition fail(LedgerEntry current, AnswerRow row) {
        CbpError error = CbpError.classify(row.errorDescription());
        switch (current.state()) {
            case ACCEPTED:
                // SPEC §6.5: accepted is final; a later failure of another claim is
                // recorded but does not undo it.
                return unchanged(current, "accepted under claim " + current.claimNumber()
                        + " is final; the failure is kept in the history");
            case RELEASED:
                if (!error.hold()) {
                    return unchanged(current, "already released; RESUBMIT error");
                }
                // Not an edge of SPEC §6.5: a released entry goes only to DECLARED. A
                // failure of its earlier
                // declaration must not hold it again behind the broker's back.
                return unchanged(current,
                        "released since; the failure of its earlier declaration is kept in the" + " history");
            default:
                break;
        }
        if (!error.hold()) {
            LedgerEntry released = current.with(LedgerState.RELEASED, current.claimNumber(), error.text(),
                    error.errorClass(), null);
            return applied(current, released, "RESUBMIT error: released; the next run assesses it again");
        }
        LedgerEntry failed = current.with(LedgerState.FAILED, current.claimNumber(), error.text(), error.errorClass(),
                error.remedy());
        if (failed.equals(current)) {
            return unchanged(current, "already FAILED with this error");
        }
        return applied(current, failed, "HOLD error: held as CBP_FAILED, remedy " + error.remedy());
    }

    private static Transition release(LedgerEntry current) {
        return switch (current.state()) {
            case ACCEPTED -> new Transition(Outcome.REFUSED,
                    "accepted under claim " + current.claimNumber() + ": releasing it would declare it twice", current,
                    current);
            case RELEASED -> unchanged(current, "already released");
            default -> applied(
                    current, current.with(LedgerState.RELEASED, current.claimNumber(), current.cbpError(),
                            current.errorClass(), null),
                    "released (was " + current.state() + "); the next run assesses it again");
        };
    }

    private static Transition applied(LedgerEntry before, LedgerEntry after, String message) {
        return new Transition(Outcome.APPLIED, message, before, after);
    }

    private static Transition unchanged(LedgerEntry current, String message) {
        return new Transition(Outcome.UNCHANGED, message, current, current);
    }

}
