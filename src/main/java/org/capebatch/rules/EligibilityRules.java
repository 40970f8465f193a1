package org.capebatch.rules;

import java.util.List;

/**
 * The fourteen checks of SPEC §3 in their specified order; the order decides
 * {@code reason} and {@code reasons}.
 */
public final class EligibilityRules {

    private EligibilityRules() {
    }

    public static List<EligibilityRule> inOrder() {
        return List.of(new DataErrorRule(), new NoIeepaDutyRule(), new EntryNotAcceptedRule(),
                new EntryTypeExcludedRule(), new DrawbackRule(), new ReconciliationRule(), new ProtestPendingRule(),
                new SuretyPaidRule(), new AdcvdPendingLiquidationRule(), new LiquidationWindowPassedRule(),
                new StatementUnpaidRule(), new NotDeclarantRule(), new AlreadyDeclaredRule(), new CbpFailedRule());
    }

}
