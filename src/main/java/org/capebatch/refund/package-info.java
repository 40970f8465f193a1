/**
 * The refund estimate of SPEC §4: IEEPA principal, deposit and end dates, and statutory
 * interest compounded daily across the quarterly overpayment rates. Plain Java,
 * {@code BigDecimal} throughout.
 */
package org.capebatch.refund;
