package org.capebatch.refund;

/**
 * A rate table that cannot be used (SPEC §1 {@code cape.refund.rates-file}). The message
 * names the file or resource, the 1-based line (0 when the problem is not on one line)
 * and what is wrong, so an operator can fix the file without reading code.
 */
public class RateTableException extends RuntimeException {

    private final String source;

    private final int line;

    public RateTableException(String source, int line, String problem) {
        this(source, line, problem, null);
    }

    public RateTableException(String source, int line, String problem, Throwable cause) {
        super(source + (line > 0 ? ", line " + line : "") + ": " + problem, cause);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

}
