package org.capebatch.rules;

import org.capebatch.entry.Entry;

/**
 * SPEC §3 check 5: entries designated on a drawback claim are outside CAPE Phase 1
 * (CAPE-RULES §3.3).
 */
public final class DrawbackRule implements EligibilityRule {

    @Override
    public Reason reason() {
        return Reason.DRAWBACK;
    }

    @Override
    public boolean fails(Entry entry, RuleContext context) {
        return entry.facts().drawbackFlag();
    }

    @Override
    public Remedy remedy(Entry entry, RuleContext context) {
        return Remedy.AWAIT_PHASE;
    }

}
