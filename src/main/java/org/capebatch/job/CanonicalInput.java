package org.capebatch.job;

import java.io.IOException;
import java.nio.file.Path;

import org.capebatch.source.InputSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The {@code input} that identifies a job instance is the input's real path (absolute,
 * {@code ./} and {@code ..} resolved, symbolic links followed), so
 * {@code input=./in.csv}, {@code input=in.csv} and {@code input=/data/in.csv} are one
 * run, not three.
 *
 * <p>
 * Job stores written before this rule identify instances by the path as typed. So when
 * the real path has no instance yet but the path as typed has one, that older instance is
 * kept: the same command as before still restarts a FAILED run, or is refused for a
 * COMPLETED one, after an upgrade.
 */
final class CanonicalInput {

    private static final Logger log = LoggerFactory.getLogger(CanonicalInput.class);

    private CanonicalInput() {
    }

    static JobParameters resolve(JobParameters given, JobRepository jobRepository, String jobName) {
        String input = given.getString(RunParameters.INPUT);
        String real = realPath(input);
        if (real == null || real.equals(input)) {
            return given;
        }
        JobParameters canonical = new JobParametersBuilder(given).addString(RunParameters.INPUT, real)
            .toJobParameters();
        if (jobRepository.getJobInstance(jobName, canonical) == null
                && jobRepository.getJobInstance(jobName, given) != null) {
            log.warn("Continuing the run that an earlier version recorded as input={} (the path as typed); new runs"
                    + " are identified by the real path {}", input, real);
            return given;
        }
        return canonical;
    }

    /**
     * The real path of a file or directory input; null for {@code db} or a path that does
     * not exist.
     */
    static String realPath(String input) {
        if (input == null || InputSource.DATABASE.equals(input.trim())) {
            return null;
        }
        try {
            return Path.of(input.trim()).toRealPath().toString();
        }
        catch (IOException | RuntimeException e) {
            return null;
        }
    }

}
