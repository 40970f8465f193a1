package org.capebatch.job;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.capebatch.answers.AnswerFile;
import org.capebatch.answers.ImportKind;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * The parameters of an answers import (SPEC §6.1): {@code results=<file-or-directory>} or
 * {@code release=<file-or-directory>}. The identifying parameters are the kind and, per
 * file in name order, {@code file.NNN = "<name> <sha256>"}: the same files again are the
 * same job instance (refused once COMPLETED), a new download under the same name is a new
 * one. The path itself is not identifying ({@code input}), so the same files imported
 * from another directory are still the same import.
 */
public record AnswersParameters(ImportKind kind, Path input, List<AnswerFile> files) {

    public static final String KIND = "kind";

    public static final String INPUT = "input";
    static final String FILE_PREFIX = "file.";

    public static boolean isAnswersCommand(List<String> args) {
        return args.stream().anyMatch(arg -> arg.startsWith("results=") || arg.startsWith("release="));
    }

    /**
     * @throws IllegalArgumentException for a bad command line (exit 2)
     */
    public static AnswersParameters parse(List<String> args) {
        if (args.size() != 1) {
            throw new IllegalArgumentException("an import takes exactly one of results=<file-or-directory> or"
                    + " release=<file-or-directory>, got " + args);
        }
        String arg = args.get(0);
        int eq = arg.indexOf('=');
        ImportKind kind = arg.startsWith("results=") ? ImportKind.RESULTS : ImportKind.RELEASE;
        String value = arg.substring(eq + 1).trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("missing file or directory after " + kind.parameter() + "=");
        }
        Path input = Path.of(value);
        return new AnswersParameters(kind, input, AnswerFile.list(input));
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder builder = new JobParametersBuilder().addString(KIND, kind.parameter())
            .addString(INPUT, input.toString(), false);
        for (AnswerFile file : files) {
            builder.addString(String.format("%s%03d", FILE_PREFIX, file.index() + 1),
                    file.name() + " " + file.sha256());
        }
        return builder.toJobParameters();
    }

    /** How the stderr line and the log name this import. */
    public String describe() {
        return kind.parameter() + "=" + input;
    }

    /** The file names and SHA-256 the import was started with, in name order. */
    public static Map<String, String> expectedFiles(JobParameters parameters) {
        Map<String, String> files = new LinkedHashMap<>();
        parameters.parameters()
            .stream()
            .filter(p -> p.name().startsWith(FILE_PREFIX))
            .sorted(java.util.Comparator.comparing(JobParameter::name))
            .forEach(p -> {
                String value = (String) p.value();
                int space = value.lastIndexOf(' ');
                files.put(value.substring(0, space), value.substring(space + 1));
            });
        return files;
    }

    public static ImportKind kind(JobParameters parameters) {
        return "release".equals(parameters.getString(KIND)) ? ImportKind.RELEASE : ImportKind.RESULTS;
    }

    /** Rejects parameters that did not come from {@link #toJobParameters}. */
    public static final JobParametersValidator VALIDATOR = parameters -> {
        String kind = parameters.getString(KIND);
        if (!"results".equals(kind) && !"release".equals(kind)) {
            throw new InvalidJobParametersException("kind must be results or release, got " + kind);
        }
        if (parameters.getString(INPUT) == null || expectedFiles(parameters).isEmpty()) {
            throw new InvalidJobParametersException("an import needs its input and at least one file");
        }
    };

}
