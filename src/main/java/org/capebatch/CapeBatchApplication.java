package org.capebatch;

import org.capebatch.generate.Es003Generator;
import org.capebatch.job.CommandLine;
import org.capebatch.job.StartupFailure;
import org.capebatch.job.UsageException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point. The command line is checked first, without Spring ({@link CommandLine});
 * then the command runs: the declaration job and the other job-store commands inside
 * Spring, {@code generate} and {@code --help} without it.
 */
@SpringBootApplication
public class CapeBatchApplication {

    public static void main(String[] args) throws Exception {
        CommandLine.Invocation call;
        try {
            call = CommandLine.parse(args);
        }
        catch (UsageException e) {
            System.err.println("cape-batch: " + e.getMessage());
            System.exit(UsageException.EXIT_CODE);
            return;
        }
        switch (call.command()) {
            case HELP -> System.out.print(CommandLine.help());
            case GENERATE -> Es003Generator.main(call.argArray());
            default -> System.exit(WithSpring.run(call.argArray()));
        }
    }

    /**
     * Apart from {@code main}, so that checking the command line and {@code --help} load
     * no Spring class.
     */
    private static final class WithSpring {

        static int run(String[] args) {
            try {
                return SpringApplication.exit(SpringApplication.run(CapeBatchApplication.class, args));
            }
            catch (RuntimeException e) {
                StartupFailure failure = StartupFailure.of(e);
                System.err.println("cape-batch: " + failure.message());
                return failure.exitCode();
            }
        }

    }

}
