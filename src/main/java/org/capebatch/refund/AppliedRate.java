package org.capebatch.refund;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The annual overpayment rate (percent) that applies on a day, whether it was
 * {@code assumed} because the day is outside the table (SPEC §4 {@code rate_assumed}),
 * and the last day {@code through} which the same answer holds ({@link LocalDate#MAX}
 * past the end of the table). {@code through} lets the interest calculator work per run
 * of days instead of per day.
 */
public record AppliedRate(BigDecimal percent, boolean assumed, LocalDate through) {
}
