package org.capebatch.rules;

import org.capebatch.entry.AdcvdStatus;
import org.capebatch.entry.Entry;

/**
 * SPEC §3 check 9: AD/CVD entries with Commerce liquidation instructions issued are
 * excluded; suspended ones are not (they are eligible with the refund deferred).
 */
public final class AdcvdPendingLiquidationRule implements EligibilityRule {

    @Override
    public Reason reason() {
        return Reason.ADCVD_PENDING_LIQUIDATION;
    }

    @Override
    public boolean fails(Entry entry, RuleContext context) {
        return entry.facts().adcvdStatus() == AdcvdStatus.PENDING_LIQUIDATION;
    }

    @Override
    public Remedy remedy(Entry entry, RuleContext context) {
        return Remedy.AWAIT_PHASE;
    }

}
