package org.capebatch.jobstore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds and stops PostgreSQL processes of one data directory, by pid. On Linux a process
 * belongs to a data directory when its working directory is that directory (every
 * postgres process changes into it), which also guards against a recycled pid in a stale
 * postmaster.pid. Elsewhere it falls back to the executable's name.
 */
final class ServerProcesses {

    private static final Path PROC = Path.of("/proc");

    private static final long POLL_MILLIS = 50;

    private ServerProcesses() {
    }

    /**
     * Alive and not a zombie: a zombie postmaster has exited and holds no data directory
     * any more.
     */
    static boolean isRunning(long pid) {
        Path stat = PROC.resolve(Long.toString(pid)).resolve("stat");
        if (Files.isDirectory(PROC)) {
            try {
                String line = Files.readString(stat, StandardCharsets.UTF_8);
                // The state follows the command name, which is in parentheses and may
                // itself contain ')'.
                char state = line.charAt(line.lastIndexOf(')') + 2);
                return state != 'Z' && state != 'X';
            }
            catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Whether the running process {@code pid} is a PostgreSQL process serving
     * {@code dataDirectory}.
     */
    static boolean serves(long pid, Path dataDirectory) {
        if (!isRunning(pid)) {
            return false;
        }
        if (Files.isDirectory(PROC)) {
            try {
                Path cwd = PROC.resolve(Long.toString(pid)).resolve("cwd");
                return Files.readSymbolicLink(cwd).equals(dataDirectory.toRealPath());
            }
            catch (IOException | SecurityException e) {
                // We can always read our own processes' cwd: one we cannot read (another
                // user's) is not ours.
                return false;
            }
        }
        return ProcessHandle.of(pid)
            .flatMap(handle -> handle.info().command())
            .map(command -> command.endsWith("postgres") || command.endsWith("postgres.exe"))
            .orElse(false);
    }

    /**
     * Every running process whose working directory is {@code dataDirectory}; empty where
     * /proc is missing.
     */
    static List<Long> in(Path dataDirectory) {
        List<Long> pids = new ArrayList<>();
        if (!Files.isDirectory(PROC) || !Files.isDirectory(dataDirectory)) {
            return pids;
        }
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.map(entry -> entry.getFileName().toString())
                .filter(name -> name.chars().allMatch(Character::isDigit))
                .map(Long::valueOf)
                .filter(pid -> pid != ProcessHandle.current().pid())
                .filter(pid -> serves(pid, dataDirectory))
                .forEach(pids::add);
        }
        catch (IOException e) {
            // /proc vanished or unreadable: nothing more we can learn; the caller still
            // removes the stale lock.
        }
        return pids;
    }

    /**
     * Sends a signal by name ({@code INT}, {@code QUIT}, {@code KILL}). PostgreSQL reads
     * SIGINT as "fast shutdown" (roll back open transactions, checkpoint, exit) and
     * SIGQUIT as "immediate" (exit; recover from WAL on start).
     */
    static void signal(long pid, String name) throws IOException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        try {
            kill.waitFor();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while signalling pid " + pid, e);
        }
    }

    /**
     * Waits until none of {@code pids} runs; true when they all ended within
     * {@code timeout}.
     */
    static boolean awaitExit(Collection<Long> pids, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pids.stream().anyMatch(ServerProcesses::isRunning)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

}
