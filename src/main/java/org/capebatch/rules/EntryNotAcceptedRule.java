package org.capebatch.rules;

import org.capebatch.entry.Entry;
import org.capebatch.entry.SummaryStatus;

/**
 * SPEC §3 check 3: a cancelled or rejected entry summary has nothing CBP can reliquidate.
 */
public final class EntryNotAcceptedRule implements EligibilityRule {

    @Override
    public Reason reason() {
        return Reason.ENTRY_NOT_ACCEPTED;
    }

    @Override
    public boolean fails(Entry entry, RuleContext context) {
        return entry.facts().summaryStatus() != SummaryStatus.ACCEPTED;
    }

    @Override
    public Remedy remedy(Entry entry, RuleContext context) {
        return Remedy.NONE;
    }

}
