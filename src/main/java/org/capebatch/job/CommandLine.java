package org.capebatch.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.capebatch.source.InputSource;

/**
 * The command line, checked before Spring starts: which command it is, whether its
 * parameters and every {@code --cape.*} property are valid (names, values), and
 * {@code --help}. A mistake costs well under a second and writes nothing (no
 * {@code .cape/}, no output directory), and the error names the parameter or property,
 * the bad value and the valid ones ({@link UsageException}, exit 2). What needs Spring
 * (configuration files, the database) is checked later: {@link PropertyCheck}, the
 * runners.
 *
 * <p>
 * Plain Java, and light: it must not load Spring, so that {@code --help} and mistakes
 * stay fast.
 */
public final class CommandLine {

    /** What the process is asked to do. */
    public enum Command {

        /** The declaration job (SPEC §1): {@code input=... runDate=...}. */
        RUN,
        /** CBP's validation results into the ledger (SPEC §6): {@code results=...}. */
        RESULTS,
        /** CBP's release of entries (SPEC §6): {@code release=...}. */
        RELEASE,
        /** Operator commands on the job store. */
        RUNS, ABANDON, PRUNE,
        /**
         * A process that launches no job: a remote-partitioning worker
         * ({@code cape.job.run-on-startup=false}).
         */
        WORKER,
        /** Synthetic ES-003 data, no Spring at all. */
        GENERATE, HELP;

        /** Commands that run inside Spring (everything but generate and help). */
        public boolean needsSpring() {
            return this != GENERATE && this != HELP;
        }

    }

    /**
     * A checked command line: the command and the arguments to hand on (to Spring, or to
     * the generator).
     */
    public record Invocation(Command command, List<String> args) {

        public String[] argArray() {
            return args.toArray(String[]::new);
        }
    }

    private static final Set<String> HELP_WORDS = Set.of("--help", "-h", "-help", "help", "-?");

    private static final Map<String, Command> WORDS = Map.of("generate", Command.GENERATE, "runs", Command.RUNS,
            "abandon", Command.ABANDON, "prune", Command.PRUNE);

    private CommandLine() {
    }

    /** Checks {@code args}; throws {@link UsageException} on any mistake. */
    public static Invocation parse(String... args) {
        List<String> all = List.of(args);
        if (all.stream().anyMatch(HELP_WORDS::contains)) {
            return new Invocation(Command.HELP, all);
        }
        if (!all.isEmpty() && all.get(0).equals("generate")) {
            return new Invocation(Command.GENERATE, all.subList(1, all.size()));
        }
        List<String> words = new ArrayList<>();
        List<String> options = new ArrayList<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String arg : all) {
            if (arg.startsWith("--")) {
                checkOption(arg);
                options.add(arg);
            }
            else if (arg.indexOf('=') > 0) {
                String name = arg.substring(0, arg.indexOf('='));
                if (parameters.put(name, arg.substring(arg.indexOf('=') + 1)) != null) {
                    throw new UsageException("parameter " + name + " is given twice");
                }
            }
            else {
                words.add(arg);
            }
        }
        Command command = command(words, parameters, options);
        switch (command) {
            case RUN -> checkRun(parameters);
            case RESULTS, RELEASE -> checkOnly(parameters, command.name().toLowerCase(Locale.ROOT));
            case ABANDON -> checkAbandon(words, parameters);
            case RUNS, PRUNE -> checkNoParameters(command, words, parameters);
            default -> {
            }
        }
        return new Invocation(command, all);
    }

    private static Command command(List<String> words, Map<String, String> parameters, List<String> options) {
        if (!words.isEmpty()) {
            Command command = WORDS.get(words.get(0));
            if (command == null || command == Command.GENERATE) {
                throw new UsageException("unknown command or argument '" + words.get(0) + "' (job parameters are"
                        + " name=value, properties --name=value); commands: input=... runDate=..., results=...,"
                        + " release=..., runs, abandon <execution>, prune, generate, --help");
            }
            return command;
        }
        if (parameters.containsKey("results")) {
            return Command.RESULTS;
        }
        if (parameters.containsKey("release")) {
            return Command.RELEASE;
        }
        if (parameters.isEmpty() && launchesNoJob(options)) {
            return Command.WORKER;
        }
        return Command.RUN;
    }

    /**
     * Whether this process is a worker, which has no job parameters: profile
     * {@code worker}, or {@code cape.job.run-on-startup=false}, from the command line, a
     * system property or the environment (as the Kubernetes Deployment sets them).
     */
    private static boolean launchesNoJob(List<String> options) {
        List<String> profiles = new ArrayList<>();
        List<String> runOnStartup = new ArrayList<>();
        for (String option : options) {
            int eq = option.indexOf('=');
            String name = relaxed(eq < 0 ? option.substring(2) : option.substring(2, eq));
            String value = eq < 0 ? "" : option.substring(eq + 1);
            if (name.equals("spring.profiles.active")) {
                profiles.add(value);
            }
            else if (name.equals("cape.job.runonstartup")) {
                runOnStartup.add(value);
            }
        }
        profiles.add(String.valueOf(System.getProperty("spring.profiles.active")));
        profiles.add(String.valueOf(System.getenv("SPRING_PROFILES_ACTIVE")));
        runOnStartup.add(String.valueOf(System.getProperty("cape.job.run-on-startup")));
        runOnStartup.add(String.valueOf(System.getenv("CAPE_JOB_RUN_ON_STARTUP")));
        return profiles.stream().flatMap(p -> Arrays.stream(p.split(","))).anyMatch(p -> p.trim().equals("worker"))
                || runOnStartup.stream().anyMatch(v -> v.trim().equalsIgnoreCase("false"));
    }

    private static String relaxed(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private static void checkOption(String arg) {
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
        if (!KnownProperties.isCapeName(name)) {
            return; // spring.*, logging.*, management.*, and the operator commands' own
                    // options
        }
        KnownProperties.get().problem(name, eq < 0 ? "" : arg.substring(eq + 1), "command line").ifPresent(problem -> {
            throw new UsageException(problem);
        });
    }

    private static void checkRun(Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!name.equals(RunParameters.INPUT) && !name.equals(RunParameters.RUN_DATE)) {
                throw new UsageException("unknown job parameter " + name + "; valid parameters: input, runDate"
                        + " (or results / release for CBP's answers)");
            }
        }
        String input = parameters.get(RunParameters.INPUT);
        String runDate = parameters.get(RunParameters.RUN_DATE);
        if (input == null && runDate == null) {
            throw new UsageException("no command given; usage: java -jar cape-batch.jar input=<file-or-directory|db>"
                    + " runDate=<YYYY-MM-DD> --cape.output-dir=<dir>, or --spring.profiles.active=...,worker for a"
                    + " worker (java -jar cape-batch.jar --help lists all)");
        }
        if (input == null || input.isBlank()) {
            throw new UsageException(
                    "missing job parameter input; valid values: a .csv or .xlsx file, a directory," + " or db");
        }
        if (runDate == null || runDate.isBlank()) {
            throw new UsageException("missing job parameter runDate; valid values: a date YYYY-MM-DD");
        }
        try {
            LocalDate.parse(runDate.trim());
        }
        catch (DateTimeParseException e) {
            throw new UsageException(
                    "job parameter runDate has the invalid value '" + runDate + "'; valid values: a date YYYY-MM-DD");
        }
        if (!InputSource.DATABASE.equals(input.trim()) && !Files.exists(Path.of(input.trim()))) {
            throw new UsageException("job parameter input names '" + input + "', which does not exist (working"
                    + " directory " + Path.of("").toAbsolutePath() + "); valid values: a .csv or .xlsx file,"
                    + " a directory, or db");
        }
    }

    private static void checkOnly(Map<String, String> parameters, String name) {
        List<String> others = parameters.keySet().stream().filter(p -> !p.equals(name)).toList();
        if (!others.isEmpty()) {
            throw new UsageException("parameter " + others.get(0) + " does not go with " + name + "=; " + name
                    + " takes only " + name + "=<file-or-directory>");
        }
        if (parameters.get(name).isBlank()) {
            throw new UsageException("parameter " + name + " is empty; valid values: a file or a directory");
        }
    }

    private static void checkAbandon(List<String> words, Map<String, String> parameters) {
        checkNoParameters(Command.ABANDON, List.of(), parameters);
        if (words.size() != 2 || !words.get(1).matches("\\d+")) {
            throw new UsageException("abandon takes one job execution id (a whole number, see 'runs'), got "
                    + (words.size() < 2 ? "none" : "'" + String.join(" ", words.subList(1, words.size())) + "'"));
        }
    }

    private static void checkNoParameters(Command command, List<String> words, Map<String, String> parameters) {
        String name = command.name().toLowerCase(Locale.ROOT);
        if (!parameters.isEmpty()) {
            throw new UsageException(
                    name + " takes no job parameters, got " + parameters.keySet().iterator().next() + "=");
        }
        if (words.size() > 1) {
            throw new UsageException(name + " takes no further words, got '" + words.get(1) + "'");
        }
    }

    /**
     * The text of {@code --help}: commands, options (with defaults and valid values) and
     * exit codes.
     */
    public static String help() {
        String options = KnownProperties.get()
            .all()
            .stream()
            .map(p -> String.format("  --%-42s %s (default %s)", p.name() + "=", p.validValues(), p.defaultValue()))
            .collect(Collectors.joining("\n"));
        return """
                cape-batch: CAPE declarations for IEEPA duty refunds, as a restartable Spring Batch job.

                Commands (java -jar cape-batch.jar ...):
                  input=<file-or-directory|db> runDate=<YYYY-MM-DD> --cape.output-dir=<dir> [--cape.*=...]
                      Run the declaration job. input (as its real path) and runDate identify the run: the same
                      pair again restarts a FAILED or STOPPED run where it stopped; a COMPLETED one is refused.
                  results=<file-or-directory> --cape.output-dir=<dir>
                      Import CBP's validation results into the ledger (SPEC §6).
                  release=<file-or-directory> --cape.output-dir=<dir>
                      Import CBP's release of entries into the ledger (SPEC §6).
                  runs [--limit=N]
                      List the job executions: status, start and end, step counts, the failure.
                  abandon <execution>
                      Mark an execution ABANDONED so that it is never resumed, and release its ledger assignments.
                  prune --keep-days=<N>
                      Delete job metadata and staging rows older than N days (never the ledger).
                  --spring.profiles.active=postgres,worker --spring.config.additional-location=config/
                      Run as a remote-partitioning worker: no job parameters; runs the partitions a manager sends.
                  generate [--entries=N] [--seed=S] [--output=<file>]
                      Write a synthetic ES-003 CSV (default 1000 entries, seed 1, es003-generated.csv).
                  --help
                      This text.

                Options of the job (--name=value on the command line, or in a config/application-*.yml file):
                %s

                Other options:
                  --spring.profiles.active=<profiles>            local | postgres | manager | worker | kubernetes
                  --spring.config.additional-location=<dir>/     read application-<profile>.yml files from there
                  --spring.datasource.url=jdbc:postgresql://...  an external job store instead of the embedded one
                  --logging.structured.format.console=ecs        JSON log lines (ecs | logstash | gelf)

                Exit codes:
                  0  COMPLETED
                  1  FAILED, or could not start (database unreachable, malformed rate table): fix the cause and
                     run the same command again; it resumes where it stopped
                  2  a mistake in the command or the configuration (parameter, property, value, an output
                     directory that belongs to another run): fix the command
                  3  already COMPLETED: its output is final
                  4  already running in another process: wait for it
                  5  STOPPED: run the same command again to resume
                """.formatted(options);
    }

}
