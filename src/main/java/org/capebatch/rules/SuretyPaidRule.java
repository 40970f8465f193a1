package org.capebatch.rules;

import org.capebatch.entry.Entry;

/**
 * SPEC §3 check 8: duty a surety paid is not the importer's to claim (CAPE-RULES §3.3).
 */
public final class SuretyPaidRule implements EligibilityRule {

    @Override
    public Reason reason() {
        return Reason.SURETY_PAID;
    }

    @Override
    public boolean fails(Entry entry, RuleContext context) {
        return entry.facts().suretyPaid();
    }

    @Override
    public Remedy remedy(Entry entry, RuleContext context) {
        return Remedy.NONE;
    }

}
