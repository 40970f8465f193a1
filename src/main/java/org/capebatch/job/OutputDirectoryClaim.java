package org.capebatch.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output directory belongs to one job instance. The first run that writes there leaves
 * a marker file ({@value #MARKER}) with the instance's identity; a run of another
 * instance is refused (exit 2) before it writes anything, so two run dates never mix
 * their declarations and reports in one directory. A directory without the marker (new,
 * or written by an earlier version) is claimed by the run that finds it.
 */
public final class OutputDirectoryClaim {

    /** Hidden, so that "upload declarations/*.csv" and the manifest are not affected. */
    public static final String MARKER = ".cape-run";

    private OutputDirectoryClaim() {
    }

    /**
     * Claims {@code directory} for the run described by {@code identity} (one
     * {@code name=value} per line), or throws {@link UsageException} naming the run that
     * owns it.
     */
    public static void claim(Path directory, String identity) throws IOException {
        Path marker = directory.resolve(MARKER);
        String wanted = identity.endsWith("\n") ? identity : identity + "\n";
        if (Files.exists(marker)) {
            String owner = Files.readString(marker, StandardCharsets.UTF_8);
            if (owner.equals(wanted)) {
                return;
            }
            throw new UsageException("output directory " + directory.toAbsolutePath() + " belongs to another run ("
                    + owner.strip().replace('\n', ' ') + "), this run is " + wanted.strip().replace('\n', ' ')
                    + "; give each run its own --cape.output-dir, e.g. out/<runDate>");
        }
        Files.createDirectories(directory);
        Path temporary = directory.resolve(MARKER + ".tmp");
        Files.writeString(temporary, wanted, StandardCharsets.UTF_8);
        Files.move(temporary, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

}
