package org.capebatch.rules;

import org.capebatch.entry.Entry;

/**
 * SPEC §3 check 13: CBP rejects an entry already on an earlier declaration as a duplicate
 * submission, so an entry the ledger holds as DECLARED (no answer yet) or ACCEPTED
 * (final) is not declared again. RELEASED and RESUBMIT-failed entries pass: they are to
 * be declared again (SPEC §6.3).
 */
public final class AlreadyDeclaredRule implements EligibilityRule {

    @Override
    public Reason reason() {
        return Reason.ALREADY_DECLARED;
    }

    @Override
    public boolean fails(Entry entry, RuleContext context) {
        return context.ledger().declared();
    }

    @Override
    public Remedy remedy(Entry entry, RuleContext context) {
        return Remedy.NONE;
    }

}
