package org.capebatch.rules;

/**
 * What the ledger says about one entry, for checks 13 and 14 of SPEC §3: its state on a
 * complete declaration of an earlier job instance, and for a FAILED entry the CBP error
 * it failed with. The assess step's reader looks it up; the rules decide what it means.
 *
 * @param state null when the ledger does not hold the entry (or holds it only for the
 * current run)
 * @param error the CBP error of a FAILED entry, else null
 */
public record LedgerVerdict(LedgerState state, CbpError error) {

    /** Not in the ledger: neither check can fail. */
    public static final LedgerVerdict NONE = new LedgerVerdict(null, null);

    public static LedgerVerdict of(String state, String errorText) {
        if (state == null) {
            return NONE;
        }
        LedgerState s = LedgerState.valueOf(state);
        return new LedgerVerdict(s, s == LedgerState.FAILED ? CbpError.classify(errorText) : null);
    }

    /** Check 13: on a declaration with no answer yet, or accepted (final). */
    public boolean declared() {
        return state == LedgerState.DECLARED || state == LedgerState.ACCEPTED;
    }

    /** Check 14: failed with a HOLD error and not released since. */
    public boolean held() {
        return state == LedgerState.FAILED && error != null && error.hold();
    }
}
