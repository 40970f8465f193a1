package org.capebatch.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.capebatch.source.InputSource;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * The two identifying parameters of SPEC §1: {@code input} (a file, a directory, or
 * {@code db}) and {@code runDate} (YYYY-MM-DD). The same pair is the same job instance,
 * which is what makes restart work.
 */
public record RunParameters(String input, LocalDate runDate) {

    public static final String INPUT = "input";

    public static final String RUN_DATE = "runDate";

    public boolean databaseInput() {
        return InputSource.DATABASE.equals(input);
    }

    public Path inputPath() {
        return Path.of(input);
    }

    public static RunParameters of(JobParameters parameters) throws InvalidJobParametersException {
        String input = parameters.getString(INPUT);
        String runDate = parameters.getString(RUN_DATE);
        if (input == null || input.isBlank()) {
            throw new InvalidJobParametersException("missing job parameter input=<file-or-directory|db>");
        }
        if (runDate == null || runDate.isBlank()) {
            throw new InvalidJobParametersException("missing job parameter runDate=<YYYY-MM-DD>");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(runDate.trim());
        }
        catch (DateTimeParseException e) {
            throw new InvalidJobParametersException("runDate must be YYYY-MM-DD, got '" + runDate + "'");
        }
        RunParameters run = new RunParameters(input.trim(), date);
        if (!run.databaseInput() && !Files.exists(run.inputPath())) {
            throw new InvalidJobParametersException("input not found: " + input);
        }
        return run;
    }

    /** Rejects bad parameters before a job instance is created. */
    public static final JobParametersValidator VALIDATOR = RunParameters::of;

}
