package org.capebatch.job;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.capebatch.logging.SensitiveText;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;

/**
 * What a failure to start means for the operator: a configuration mistake (exit 2, "fix
 * the command") or a fault that may pass (exit 1, "run the same command again"), in one
 * line without Java class names.
 */
public record StartupFailure(int exitCode, String message) {

    public static StartupFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UsageException usage) {
                return new StartupFailure(UsageException.EXIT_CODE, SensitiveText.mask(usage.getMessage()));
            }
            if (t instanceof BindException bind) {
                return new StartupFailure(UsageException.EXIT_CODE, SensitiveText.mask(bindMessage(bind)));
            }
        }
        // One short line whatever the exception (Flyway's text runs to several lines, a
        // broken connection has
        // driver text or none): the innermost message, capped, or "lost the connection
        // ..." (issue 7 item 8).
        return new StartupFailure(1,
                "could not start: " + SensitiveText.mask(FailureLine.cause(failure)) + ". "
                        + (FailureLine.databaseLost(failure)
                                ? "Check that the database is up, then run the same command again"
                                : "Fix the cause and run the same command again"));
    }

    /**
     * Spring's own message names the target Java type; name the property, its value and
     * the valid values.
     */
    private static String bindMessage(BindException bind) {
        ConfigurationProperty property = bind.getProperty();
        String name = property != null ? property.getName().toString() : bind.getName().toString();
        String value = property != null ? String.valueOf(property.getValue()) : "?";
        String origin = property != null && property.getOrigin() != null ? " (" + property.getOrigin() + ")" : "";
        Class<?> type = bind.getTarget().getType().resolve();
        String valid = type != null && type.isEnum()
                ? "; valid values: "
                        + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(" | "))
                : "";
        return new UsageException("property " + name + origin + " has the invalid value '" + value + "'" + valid)
            .getMessage();
    }
}
