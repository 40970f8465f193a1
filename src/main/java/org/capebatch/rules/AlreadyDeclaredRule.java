package org.capebatch.rules;

import org.capebatch.entry.Entry;

/** SPEC §3 check 13: CBP rejects an entry already on an earlier declaration as a duplicate submission. */
public final class AlreadyDeclaredRule implements EligibilityRule {

    @Override
    public Reason reason() {
        return Reason.ALREADY_DECLARED;
    }

    @Override
    public boolean fails(Entry entry, RuleContext context) {
        return context.ledger().declaredEarlier(entry.number());
    }

    @Override
    public Remedy remedy(Entry entry, RuleContext context) {
        return Remedy.NONE;
    }
}
