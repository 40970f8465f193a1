package org.capebatch.output;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Publishes a file only when it is complete (SPEC §5: "files appear under their final names only when complete").
 * The bytes go to {@code .<name>.tmp} in the target's directory, are fsynced, and are renamed over the target with
 * {@code ATOMIC_MOVE}: a reader (or a restarted job) sees either the old file or the whole new one, never a part.
 * A tmp file left by a killed run is deleted first, so writing is idempotent.
 */
public final class AtomicFile {

    private static final int BUFFER = 64 * 1024;

    /** A body that writes to a stream and may throw {@link IOException}. */
    @FunctionalInterface
    public interface IOConsumer<T> {
        void accept(T value) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code target} through {@code body} and publishes it; on any failure the target is left untouched. */
    public static void write(Path target, IOConsumer<OutputStream> body) throws IOException {
        try (Pending pending = open(target)) {
            body.accept(pending.stream());
            pending.commit();
        }
    }

    /**
     * Starts writing {@code target}: for streaming writers that receive their rows over many calls. Call
     * {@link Pending#commit()} when complete; {@link Pending#close()} without commit discards the tmp file.
     */
    public static Pending open(Path target) throws IOException {
        return new Pending(target.toAbsolutePath());
    }

    /** The temporary name used for {@code target}: {@code .<name>.tmp} in the same directory. */
    public static Path tmpOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    /** Lower-case hex SHA-256 of a file's bytes, as listed in manifest.json. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Number of LF-terminated lines (a last line without LF counts too); a CSV's data rows are this minus 1. */
    public static long lineCount(Path file) throws IOException {
        long lines = 0;
        int last = '\n';
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                if (n > 0) {
                    last = buffer[n - 1];
                }
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    /** A file being written under its tmp name. Not thread-safe. */
    public static final class Pending implements Closeable {
        private final Path target;
        private final Path tmp;
        private final FileChannel channel;
        private final OutputStream stream;
        private boolean finished;

        private Pending(Path target) throws IOException {
            this.target = target;
            this.tmp = tmpOf(target);
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(tmp);
            this.channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            this.stream = new KeepOpen(new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER));
        }

        /** The stream to write to; closing it only flushes (publishing is {@link #commit()}'s job). */
        public OutputStream stream() {
            return stream;
        }

        public Path target() {
            return target;
        }

        /** Flushes, fsyncs and renames the tmp file over the target. */
        public void commit() throws IOException {
            if (finished) {
                throw new IllegalStateException("already committed or closed: " + target);
            }
            stream.flush();
            channel.force(true);
            channel.close();
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            finished = true;
            syncDirectory(target.getParent());
        }

        /** Discards the tmp file unless committed; safe to call more than once. */
        @Override
        public void close() throws IOException {
            if (finished) {
                return;
            }
            finished = true;
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(tmp);
            }
        }

        /** The rename itself must survive a crash too: fsync the directory where the platform allows it. */
        private static void syncDirectory(Path dir) {
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException | UncheckedIOException e) {
                // Not supported on every OS (Windows); the data itself is already fsynced.
            }
        }
    }

    /** Lets writers (OutputStreamWriter, POI) "close" the stream without closing the file we still fsync. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
