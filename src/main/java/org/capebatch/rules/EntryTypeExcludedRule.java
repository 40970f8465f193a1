package org.capebatch.rules;

import java.util.Set;

import org.capebatch.entry.Entry;

/**
 * SPEC §3 check 4: only the entry types CAPE accepts (CAPE-RULES §3.4). An allow-list rather than a deny-list, so
 * that 08 (USMCA deferral), 09 (reconciliation summary), 47 (drawback) and any type nobody has vetted stay out.
 */
public final class EntryTypeExcludedRule implements EligibilityRule {

    static final Set<String> ALLOWED = Set.of("01", "02", "03", "04", "05", "06", "07", "11", "12", "21", "22", "31",
            "32", "34", "38", "51", "52");

    @Override
    public Reason reason() {
        return Reason.ENTRY_TYPE_EXCLUDED;
    }

    @Override
    public boolean fails(Entry entry, RuleContext context) {
        return !ALLOWED.contains(entry.facts().entryType());
    }

    @Override
    public Remedy remedy(Entry entry, RuleContext context) {
        return Remedy.AWAIT_PHASE;
    }
}
