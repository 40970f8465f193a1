package org.capebatch.entry;

/**
 * One reason an input row was not used, as written to {@code rejected-rows.csv} (SPEC
 * §5).
 */
public record RowError(RowSource source, String column, String value, String message) {
}
