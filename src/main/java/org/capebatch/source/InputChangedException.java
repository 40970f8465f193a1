package org.capebatch.source;

/**
 * An input file differs from the fingerprint recorded when its run started (issue 7 item
 * 3).
 */
public class InputChangedException extends RuntimeException {

    public InputChangedException(String message) {
        super(message);
    }

}
