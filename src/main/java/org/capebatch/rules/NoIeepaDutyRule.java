package org.capebatch.rules;

import org.capebatch.entry.Entry;

/**
 * SPEC §3 check 2: nothing to refund (no dutiable 9903.01/9903.02 row, or entered outside
 * the IEEPA window).
 */
public final class NoIeepaDutyRule implements EligibilityRule {

    @Override
    public Reason reason() {
        return Reason.NO_IEEPA_DUTY;
    }

    @Override
    public boolean fails(Entry entry, RuleContext context) {
        return context.ieepaPrincipal().signum() <= 0;
    }

    @Override
    public Remedy remedy(Entry entry, RuleContext context) {
        return Remedy.NONE;
    }

}
