package org.capebatch.entry;

/**
 * A value of an input row that does not fit its SPEC §2 format. The message says what was
 * wrong in words an operations team can act on; it ends up in the {@code message} column
 * of {@code rejected-rows.csv} (SPEC §5).
 */
public class InvalidValueException extends RuntimeException {

    public InvalidValueException(String message) {
        super(message);
    }

}
