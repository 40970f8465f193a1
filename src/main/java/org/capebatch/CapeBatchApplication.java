package org.capebatch;

import java.util.Arrays;

import org.capebatch.generate.Es003Generator;
import org.capebatch.logging.SensitiveText;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point. {@code java -jar cape-batch.jar input=... runDate=...} runs the job (SPEC §1);
 * {@code java -jar cape-batch.jar generate --entries=N ...} writes synthetic ES-003 data instead.
 */
@SpringBootApplication
public class CapeBatchApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("generate")) {
            Es003Generator.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int code;
        try {
            code = SpringApplication.exit(SpringApplication.run(CapeBatchApplication.class, args));
        } catch (RuntimeException e) {
            // Startup failures (database unreachable, malformed rate table, bad property) end in one line on
            // stderr, like job failures; the log above it holds the detail.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.err.println("cape-batch: could not start: " + SensitiveText.mask(String.valueOf(root.getMessage()))
                    + ". Fix the cause and run the same command again");
            code = 1;
        }
        System.exit(code);
    }
}
