package org.capebatch.rules;

import org.capebatch.entry.Entry;
import org.capebatch.entry.ProtestStatus;

/**
 * SPEC §3 check 7: an open or suspended protest blocks CAPE; the broker decides between
 * protest and CAPE.
 */
public final class ProtestPendingRule implements EligibilityRule {

    @Override
    public Reason reason() {
        return Reason.PROTEST_PENDING;
    }

    @Override
    public boolean fails(Entry entry, RuleContext context) {
        ProtestStatus status = entry.facts().protestStatus();
        return status == ProtestStatus.OPEN || status == ProtestStatus.SUSPENDED;
    }

    @Override
    public Remedy remedy(Entry entry, RuleContext context) {
        return Remedy.REVIEW;
    }

}
