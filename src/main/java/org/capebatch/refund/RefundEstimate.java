package org.capebatch.refund;

import java.math.BigDecimal;

import org.capebatch.entry.ImporterType;

/**
 * Principal plus interest for one entry (SPEC §4); money in cents, {@code rateAssumed}
 * when past the rate table.
 */
public record RefundEstimate(BigDecimal ieepaDuty, BigDecimal interest, BigDecimal refundTotal, ImporterType rateType,
        boolean rateAssumed) {
}
