package org.capebatch.rules;

import org.capebatch.entry.Entry;
import org.capebatch.entry.StatementStatus;

/**
 * SPEC §3 check 11: ACE answers STATEMENT PROCESSING NOT COMPLETE until the statement is
 * paid; retry later.
 */
public final class StatementUnpaidRule implements EligibilityRule {

    @Override
    public Reason reason() {
        return Reason.STATEMENT_UNPAID;
    }

    @Override
    public boolean fails(Entry entry, RuleContext context) {
        return entry.facts().statementStatus() == StatementStatus.UNPAID;
    }

    @Override
    public Remedy remedy(Entry entry, RuleContext context) {
        return Remedy.RETRY;
    }

}
