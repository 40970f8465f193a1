package org.capebatch.refund;

import java.math.BigDecimal;

/**
 * Interest in cents (scale 2) and whether any day of the period used an assumed rate
 * (SPEC §4).
 */
public record InterestResult(BigDecimal interest, boolean rateAssumed) {
}
