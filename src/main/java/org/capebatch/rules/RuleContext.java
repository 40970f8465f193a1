package org.capebatch.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a check needs besides the entry: the run date D, the settings, the entry's ledger
 * verdict and the IEEPA principal.
 */
public record RuleContext(LocalDate runDate, RulesConfig config, LedgerVerdict ledger, BigDecimal ieepaPrincipal) {
}
