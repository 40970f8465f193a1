package org.capebatch.refund;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.capebatch.entry.ImporterType;

/**
 * One row of the overpayment rate table (SPEC §4): a calendar quarter and its two annual
 * rates, in percent.
 */
public record QuarterRate(LocalDate quarterStart, LocalDate quarterEnd, BigDecimal nonCorporatePct,
        BigDecimal corporatePct) {

    public BigDecimal percentFor(ImporterType type) {
        return type == ImporterType.NON_CORPORATE ? nonCorporatePct : corporatePct;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(quarterStart) && !day.isAfter(quarterEnd);
    }
}
