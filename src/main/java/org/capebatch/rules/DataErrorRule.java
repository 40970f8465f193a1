package org.capebatch.rules;

import org.capebatch.entry.Entry;

/**
 * SPEC §3 check 1: a row of the entry was rejected or its entry-level values conflict; no
 * parsed row counts too.
 */
public final class DataErrorRule implements EligibilityRule {

    @Override
    public Reason reason() {
        return Reason.DATA_ERROR;
    }

    @Override
    public boolean fails(Entry entry, RuleContext context) {
        return entry.dataError() || entry.facts() == null;
    }

    @Override
    public Remedy remedy(Entry entry, RuleContext context) {
        return Remedy.FIX_DATA;
    }

}
