package org.capebatch.jobstore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The lock file PostgreSQL keeps in its data directory while a postmaster runs. Its first
 * line is the postmaster's pid and its fourth the port; a file that outlives its server
 * (kill -9) is a stale lock.
 *
 * @param pid the postmaster's process id
 * @param port the port it listens on, or -1 when the file was cut short (the server died
 * while starting)
 * @param status the last line once the server is up ({@code ready}), empty before
 */
record PostmasterPidFile(long pid, int port, String status) {

    static final String NAME = "postmaster.pid";

    private static final int PID_LINE = 0;

    private static final int PORT_LINE = 3;

    private static final int STATUS_LINE = 7;

    /**
     * Empty when no lock file exists or it holds no pid (a server killed while writing
     * it).
     */
    static Optional<PostmasterPidFile> read(Path dataDirectory) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve(NAME), StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Optional<Long> pid = number(lines, PID_LINE).map(Long::valueOf);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        int port = number(lines, PORT_LINE).map(Integer::valueOf).orElse(-1);
        String status = lines.size() > STATUS_LINE ? lines.get(STATUS_LINE).trim() : "";
        return Optional.of(new PostmasterPidFile(pid.get(), port, status));
    }

    private static Optional<String> number(List<String> lines, int index) {
        if (lines.size() <= index) {
            return Optional.empty();
        }
        String value = lines.get(index).trim();
        return value.matches("\\d{1,10}") ? Optional.of(value) : Optional.empty();
    }
}
