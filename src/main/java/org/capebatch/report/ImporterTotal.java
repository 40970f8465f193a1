package org.capebatch.report;

import java.math.BigDecimal;

/**
 * One importer's line in summary.xlsx: its entries, how many are eligible, and their
 * refund total.
 */
public record ImporterTotal(String importerNumber, long entries, long eligible, BigDecimal refundTotal) {
}
