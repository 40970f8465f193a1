package org.capebatch.rules;

import java.time.LocalDate;

import org.capebatch.entry.Entry;

/**
 * One check of SPEC §3. Rules after {@link DataErrorRule} may assume
 * {@code entry.facts()} is present: a DATA_ERROR entry is not assessed further.
 */
public interface EligibilityRule {

    Reason reason();

    /** True when the entry fails this check as of {@code context.runDate()}. */
    boolean fails(Entry entry, RuleContext context);

    /** The remedy column of SPEC §3 for a failing entry. */
    Remedy remedy(Entry entry, RuleContext context);

    /**
     * The date by which the remedy must be taken, or null (only check 10's PROTEST has
     * one).
     */
    default LocalDate deadline(Entry entry, RuleContext context) {
        return null;
    }

}
