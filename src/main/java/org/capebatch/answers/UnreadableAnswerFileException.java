package org.capebatch.answers;

/**
 * A file of an answers import that is not one of the kinds of SPEC §6.2/§6.4, or is
 * empty: the whole import stops before anything is applied (SPEC §6.1). The message names
 * the file.
 */
public class UnreadableAnswerFileException extends RuntimeException {

    public UnreadableAnswerFileException(String message) {
        super(message);
    }

    public UnreadableAnswerFileException(String message, Throwable cause) {
        super(message, cause);
    }

}
