package org.capebatch.rules;

import java.time.LocalDate;

import org.capebatch.entry.Entry;
import org.capebatch.entry.EntryFacts;

/**
 * SPEC §3 check 14: CBP failed the entry with an error of class HOLD (SPEC §6.3) and
 * nobody released it since. Declaring it again would fail the same way until the broker
 * acts (a PSC, a later phase, a protest), so it is held with the remedy of that error. A
 * RESUBMIT error never holds: it released the entry when it was imported.
 */
public final class CbpFailedRule implements EligibilityRule {

    @Override
    public Reason reason() {
        return Reason.CBP_FAILED;
    }

    @Override
    public boolean fails(Entry entry, RuleContext context) {
        return context.ledger().held();
    }

    @Override
    public Remedy remedy(Entry entry, RuleContext context) {
        return context.ledger().error().remedy();
    }

    /**
     * A PROTEST remedy (final liquidation status) has the protest deadline of check 10,
     * when it can be known.
     */
    @Override
    public LocalDate deadline(Entry entry, RuleContext context) {
        EntryFacts facts = entry.facts();
        if (remedy(entry, context) != Remedy.PROTEST || facts == null || facts.liquidationDate() == null) {
            return null;
        }
        return facts.liquidationDate().plusDays(LiquidationWindowPassedRule.PROTEST_DAYS);
    }

}
