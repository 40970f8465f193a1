package org.capebatch.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.capebatch.entry.Entry;
import org.capebatch.entry.EntryFacts;
import org.capebatch.entry.LiquidationStatus;

/**
 * SPEC §3 check 10: CAPE takes a liquidated entry only within 80 days of liquidation, so
 * CBP can still reliquidate inside its 90-day window (CAPE-RULES §3.2). We stop
 * {@code safetyMarginDays} earlier to leave time for upload and validation. Past that, a
 * protest is possible for 180 days after liquidation (19 U.S.C. 1514), then only court. A
 * liquidated entry without a Liquidation Date cannot be measured and is not failed here.
 * Litigants admitted to CAPE phase 3 ({@code cape.rules.phase3-importers}) may declare
 * finally liquidated entries from {@code cape.rules.phase3-start} (CAPE-RULES §11), so
 * the window does not exclude theirs from that day.
 */
public final class LiquidationWindowPassedRule implements EligibilityRule {

    static final int PROTEST_DAYS = 180;

    @Override
    public Reason reason() {
        return Reason.LIQUIDATION_WINDOW_PASSED;
    }

    @Override
    public boolean fails(Entry entry, RuleContext context) {
        EntryFacts facts = entry.facts();
        return isLiquidated(facts)
                && facts.liquidationDate() != null && ChronoUnit.DAYS.between(facts.liquidationDate(),
                        context.runDate()) > context.config().maxDaysAfterLiquidation()
                && !context.config().inPhase3(facts.importerNumber(), context.runDate());
    }

    @Override
    public Remedy remedy(Entry entry, RuleContext context) {
        return context.runDate().isAfter(protestDeadline(entry.facts())) ? Remedy.COURT : Remedy.PROTEST;
    }

    @Override
    public LocalDate deadline(Entry entry, RuleContext context) {
        return remedy(entry, context) == Remedy.PROTEST ? protestDeadline(entry.facts()) : null;
    }

    static boolean isLiquidated(EntryFacts facts) {
        return facts.liquidationStatus() == LiquidationStatus.LIQUIDATED
                || facts.liquidationStatus() == LiquidationStatus.RELIQUIDATED;
    }

    private static LocalDate protestDeadline(EntryFacts facts) {
        return facts.liquidationDate().plusDays(PROTEST_DAYS);
    }

}
