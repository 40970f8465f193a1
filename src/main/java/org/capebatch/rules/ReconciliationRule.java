package org.capebatch.rules;

import java.time.LocalDate;
import java.util.Set;

import org.capebatch.entry.Entry;
import org.capebatch.entry.EntryFacts;

/**
 * SPEC §3 check 6. Since the 2026-06-29 deployment CAPE takes recon-flagged 01/02/06
 * entries whose type 09 summary is not yet filed (CAPE-RULES §3.5); before that date,
 * once the 09 is filed, or for other types, the flag excludes.
 */
public final class ReconciliationRule implements EligibilityRule {

    static final LocalDate RECON_ACCEPTED_FROM = LocalDate.of(2026, 6, 29);

    private static final Set<String> RECON_TYPES = Set.of("01", "02", "06");

    @Override
    public Reason reason() {
        return Reason.RECONCILIATION;
    }

    @Override
    public boolean fails(Entry entry, RuleContext context) {
        EntryFacts facts = entry.facts();
        return facts.reconciliationFlag() && (context.runDate().isBefore(RECON_ACCEPTED_FROM)
                || facts.reconciliationSummaryFiled() || !RECON_TYPES.contains(facts.entryType()));
    }

    @Override
    public Remedy remedy(Entry entry, RuleContext context) {
        return Remedy.AWAIT_PHASE;
    }

}
