package org.capebatch.report;

import java.math.BigDecimal;

import org.capebatch.rules.Reason;

/**
 * Excluded entries whose first failing check is {@code reason}, and the IEEPA duty they
 * hold (SPEC §4).
 */
public record ReasonCount(Reason reason, long entries, BigDecimal ieepaDuty) {
}
