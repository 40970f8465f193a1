package org.capebatch.job;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The cause part of the one stderr line (issue 7 item 8): short, one line, the most
 * specific failure rather than Batch's wrappers ("Partition handler returned an
 * unsuccessful step"), and a lost database connection said as such instead of raw driver
 * text.
 */
final class FailureLine {

    /**
     * Longest cause quoted; the rest of a 500 KB POI or PostgreSQL message is in the log.
     */
    static final int MAX_CAUSE = 240;

    static final String DATABASE_LOST = "lost the connection to the job store database";

    private static final java.util.regex.Pattern SPRING_SQL = java.util.regex.Pattern
        .compile(".*; error code \\[-?\\d+\\]; (.+)");

    private FailureLine() {
    }

    /**
     * The step that failed (the partitioned step, not its partition) and the most
     * specific cause.
     */
    record StepFailure(String step, String cause, boolean databaseLost) {
    }

    static StepFailure of(JobExecution execution) {
        List<StepExecution> failed = new ArrayList<>(execution.getStepExecutions()
            .stream()
            .filter(s -> s.getStatus().isUnsuccessful() || s.getStatus() == BatchStatus.STOPPED)
            .toList());
        // Partitions ("assessPartitionStep:range001") carry the real exception; their
        // manager only says one failed.
        failed.sort(Comparator.comparing((StepExecution s) -> !s.getStepName().contains(":")));
        String step = execution.getStepExecutions()
            .stream()
            .filter(s -> s.getStatus().isUnsuccessful() || s.getStatus() == BatchStatus.STOPPED)
            .map(StepExecution::getStepName)
            .filter(name -> !name.contains(":"))
            .findFirst()
            .orElse(null);
        List<Throwable> failures = new ArrayList<>();
        failed.forEach(s -> failures.addAll(s.getFailureExceptions()));
        failures.addAll(execution.getFailureExceptions());
        Optional<Throwable> connection = failures.stream().filter(FailureLine::databaseLost).findFirst();
        if (connection.isPresent()) {
            return new StepFailure(step, cause(connection.get()), true);
        }
        Optional<Throwable> specific = failures.stream()
            .filter(t -> !String.valueOf(t.getMessage()).startsWith("Partition handler returned"))
            .findFirst();
        if (specific.isEmpty() && failures.isEmpty()) {
            // Read back from the job store (the runs command): only the exit
            // descriptions, stack traces as text.
            Optional<String> described = failed.stream()
                .map(s -> fromDescription(s.getExitStatus().getExitDescription()))
                .filter(text -> !text.isBlank() && !text.startsWith("Partition handler returned"))
                .findFirst();
            if (described.isPresent()) {
                boolean lost = described.get().startsWith(DATABASE_LOST);
                return new StepFailure(step, described.get(), lost);
            }
        }
        String cause = specific.map(FailureLine::cause)
            .orElseGet(() -> fromDescription(execution.getExitStatus().getExitDescription()));
        return new StepFailure(step, cause.isBlank() ? "no error recorded, see the log" : cause, false);
    }

    /**
     * One capped line for any exception: the innermost message, or "lost the connection
     * ..." for a reset.
     */
    static String cause(Throwable failure) {
        if (databaseLost(failure)) {
            Throwable sql = failure;
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SQLException) {
                    sql = t;
                }
            }
            return DATABASE_LOST + " (" + cap(message(sql)) + ")";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return cap(message(root));
    }

    /**
     * A connection that broke or could not be made (SQLState class 08, 57P01–57P03: the
     * server shut down or is starting) or a pooled connection found closed: the data are
     * intact and the same command resumes.
     */
    static boolean databaseLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof SQLException sql && String.valueOf(sql.getMessage()).contains("Connection is closed")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The cause in an exit description as Batch stores it (a stack trace as text, cut at
     * 2,500 characters): the message of the innermost "Caused by:" that made it into the
     * text, without its class name.
     */
    static String fromDescription(String description) {
        if (description == null || description.isBlank()) {
            return "";
        }
        List<String> lines = description.lines().map(String::strip).toList();
        String cause = lines.get(0);
        for (String line : lines) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
            }
        }
        boolean lost = description.contains("SQLSTATE(08") || description.contains("I/O error occurred while sending")
                || description.contains("Connection is closed") || description.contains("Connection refused");
        String text = cause.replaceFirst("^[\\w.$]+(Exception|Error)(: )?", "").strip();
        // Spring's "X; uncategorized SQLException for SQL [...]; SQL state [..]; error
        // code [0]; ERROR: ..." ends
        // with the server's message, the only part a person needs.
        java.util.regex.Matcher server = SPRING_SQL.matcher(text);
        if (server.matches()) {
            text = server.group(1);
        }
        if (text.isEmpty()) {
            text = cause;
        }
        return lost ? DATABASE_LOST + " (" + cap(text) + ")" : cap(text);
    }

    private static String message(Throwable t) {
        String line = firstLine(t.getMessage());
        return line.isBlank() ? t.getClass().getSimpleName() : line;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("").strip();
    }

    static String cap(String text) {
        return text.length() <= MAX_CAUSE ? text : text.substring(0, MAX_CAUSE - 1) + "…";
    }

}
