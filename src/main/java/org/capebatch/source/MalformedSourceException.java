package org.capebatch.source;

import java.nio.file.Path;

/**
 * An input file that cannot be read as CSV or XLSX; the message names the file and, when
 * known, the line.
 */
public class MalformedSourceException extends RuntimeException {

    private final String file;

    private final long line;

    public MalformedSourceException(Path file, long line, String problem, Throwable cause) {
        super(file.getFileName() + (line > 0 ? " line " + line : "") + ": " + problem, cause);
        this.file = file.getFileName().toString();
        this.line = line;
    }

    /** File name without its directory. */
    public String file() {
        return file;
    }

    /** Line where the broken record starts, or 0 when not tied to a line. */
    public long line() {
        return line;
    }

}
