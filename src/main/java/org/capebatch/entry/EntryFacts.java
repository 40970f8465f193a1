package org.capebatch.entry;

import java.time.LocalDate;

/**
 * The entry-level values of one ES-003 row (SPEC §2: every column but line number, tariff
 * ordinal, HTS and duty). All rows of one entry must agree on them; a row that disagrees
 * makes the entry a {@code DATA_ERROR}. Defaults of SPEC §2 are already applied (blank
 * status = ACCEPTED, blank liquidation status derived from the liquidation date, blank
 * flags = false, ...); {@code importerType} stays null when the column is blank or
 * absent.
 */
public record EntryFacts(String entryType, String importerNumber, LocalDate entryDate, LocalDate entrySummaryDate,
        LocalDate paymentDate, SummaryStatus summaryStatus, LiquidationStatus liquidationStatus,
        LocalDate liquidationDate, boolean reconciliationFlag, boolean reconciliationSummaryFiled, boolean drawbackFlag,
        boolean suretyPaid, ProtestStatus protestStatus, AdcvdStatus adcvdStatus, StatementStatus statementStatus,
        ImporterType importerType) {
}
