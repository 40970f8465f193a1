package org.capebatch.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * How one value becomes one CSV cell in every CSV the run writes (SPEC §5). Every CSV we
 * write ends each line with CRLF ({@link #EOL}): RFC 4180 says so and Excel's own "CSV
 * (Comma delimited)" does the same, which is the format CBP's portal expects for
 * declarations (CAPE-RULES §2).
 */
public final class CsvCells {

    /** The record separator of every CSV we write. */
    public static final String EOL = "\r\n";

    private CsvCells() {
    }

    /**
     * A text cell: null is empty; a value that a spreadsheet would read as a formula
     * (leading {@code = + - @}, or a tab or CR, which spreadsheets skip before looking
     * for one) gets a leading {@code '} (SPEC §5, CSV injection); then RFC 4180 quoting
     * when it holds a comma, quote, CR or LF.
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String cell = switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0 || cell.indexOf('\n') >= 0) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    /**
     * Money as a plain decimal with exactly two places ({@code 1234.50}, {@code -5.00});
     * null is empty. Amounts are exact cents (SPEC §4), so a value with more than two
     * significant decimals is a bug upstream and is refused rather than silently rounded.
     */
    public static String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
        }
        catch (ArithmeticException e) {
            throw new IllegalArgumentException("money must be whole cents: " + amount.toPlainString(), e);
        }
    }

    /** A date as {@code YYYY-MM-DD}; null is empty. */
    public static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** A flag as {@code Y}/{@code N}. */
    public static String flag(boolean value) {
        return value ? "Y" : "N";
    }

}
