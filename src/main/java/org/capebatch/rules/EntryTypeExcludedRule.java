package org.capebatch.rules;

import java.time.LocalDate;
import java.util.Set;

import org.capebatch.entry.Entry;

/**
 * SPEC §3 check 4: only the entry types CAPE accepts (CAPE-RULES §3.4). An allow-list
 * rather than a deny-list, so that 08 (USMCA deferral), 09 (reconciliation summary), 47
 * (drawback) and any type nobody has vetted stay out. Warehouse entries (21/22) left the
 * list on 2026-07-07: CBP answers {@code ENTRY TYPE NOT ALLOWED} from then (CSMS
 * #69127837, CAPE-RULES §11); their withdrawals 31/32/34/38 carry the refund instead.
 */
public final class EntryTypeExcludedRule implements EligibilityRule {

    static final Set<String> ALLOWED = Set.of("01", "02", "03", "04", "05", "06", "07", "11", "12", "21", "22", "31",
            "32", "34", "38", "51", "52");
    static final Set<String> WAREHOUSE = Set.of("21", "22");

    /** First run date on which CAPE refuses warehouse entries. */
    static final LocalDate WAREHOUSE_EXCLUDED_FROM = LocalDate.of(2026, 7, 7);

    @Override
    public Reason reason() {
        return Reason.ENTRY_TYPE_EXCLUDED;
    }

    @Override
    public boolean fails(Entry entry, RuleContext context) {
        String type = entry.facts().entryType();
        return !ALLOWED.contains(type) || warehouseExcluded(type, context.runDate());
    }

    /** Types 21/22 on or after {@link #WAREHOUSE_EXCLUDED_FROM}. */
    static boolean warehouseExcluded(String type, LocalDate runDate) {
        return WAREHOUSE.contains(type) && !runDate.isBefore(WAREHOUSE_EXCLUDED_FROM);
    }

    @Override
    public Remedy remedy(Entry entry, RuleContext context) {
        return Remedy.AWAIT_PHASE;
    }

}
