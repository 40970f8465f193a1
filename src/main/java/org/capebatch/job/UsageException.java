package org.capebatch.job;

/**
 * A mistake in how cape-batch was called (a parameter, a property, a configuration
 * value): exit code 2, and one line that names what is wrong, the bad value and what is
 * valid, ending in "Fix the command". Running the same command again cannot help, so the
 * message never says to.
 */
public class UsageException extends RuntimeException {

    public static final int EXIT_CODE = 2;

    public UsageException(String problem) {
        super(problem.endsWith(". Fix the command") ? problem : problem + ". Fix the command");
    }

}
