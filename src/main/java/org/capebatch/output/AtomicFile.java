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
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Publishes a file only when it is complete (SPEC §5: "files appear under their final
 * names only when complete"). The bytes go to {@code .<name>.tmp} in the target's
 * directory, are fsynced, and are renamed over the target with {@code ATOMIC_MOVE}: a
 * reader (or a restarted job) sees either the old file or the whole new one, never a
 * part. A tmp file left by a killed run is deleted first, so writing is idempotent.
 *
 * <p>
 * Thousands of small files (one CSV and one workbook per declaration) are published in
 * batches by {@link #commitAll}: each fsync costs a journal commit of the file system
 * (about 5 ms on the development machine, more when it is busy), and fsyncs issued
 * together share one, so the batch's files are forced in parallel before any is renamed.
 * The guarantee is the same: a file appears under its final name only after its bytes are
 * on disk.
 */
public final class AtomicFile {

    private static final int BUFFER = 64 * 1024;

    /**
     * Threads that issue a batch's fsyncs together; they wait on the disk, not the CPU.
     */
    private static final int FORCE_THREADS = 8;

    private static volatile ExecutorService forcePool;

    /** A body that writes to a stream and may throw {@link IOException}. */
    @FunctionalInterface
    public interface IOConsumer<T> {

        void accept(T value) throws IOException;

    }

    private AtomicFile() {
    }

    /**
     * Writes {@code target} through {@code body} and publishes it; on any failure the
     * target is left untouched.
     */
    public static void write(Path target, IOConsumer<OutputStream> body) throws IOException {
        try (Pending pending = open(target)) {
            body.accept(pending.stream());
            pending.commit();
        }
    }

    /**
     * Starts writing {@code target}: for streaming writers that receive their rows over
     * many calls. Call {@link Pending#commit()} when complete; {@link Pending#close()}
     * without commit discards the tmp file.
     */
    public static Pending open(Path target) throws IOException {
        return new Pending(target.toAbsolutePath());
    }

    /**
     * Publishes files whose bytes are complete: forces all of them to disk, in parallel,
     * then renames each over its target and fsyncs each directory once. Same guarantee as
     * {@link Pending#commit()} one by one, at a fraction of the cost for many small
     * files. On failure none of the files not yet renamed is published.
     */
    public static void commitAll(Collection<Pending> files) throws IOException {
        if (files.size() <= 1) {
            for (Pending file : files) {
                file.commit();
            }
            return;
        }
        List<Future<?>> forced = new ArrayList<>(files.size());
        ExecutorService pool = forcePool();
        for (Pending file : files) {
            forced.add(pool.submit(() -> {
                file.force();
                return null;
            }));
        }
        Throwable failure = null;
        for (Future<?> f : forced) {
            try {
                f.get();
            }
            catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while forcing files to disk", e);
            }
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        else if (failure instanceof RuntimeException re) {
            throw re;
        }
        else if (failure != null) {
            throw new IOException(failure);
        }
        Set<Path> directories = new LinkedHashSet<>();
        for (Pending file : files) {
            file.publish();
            directories.add(file.target().getParent());
        }
        directories.forEach(Pending::syncDirectory);
    }

    private static ExecutorService forcePool() {
        ExecutorService pool = forcePool;
        if (pool == null) {
            synchronized (AtomicFile.class) {
                pool = forcePool;
                if (pool == null) {
                    pool = Executors.newFixedThreadPool(FORCE_THREADS, r -> {
                        Thread t = new Thread(r, "cape-fsync");
                        t.setDaemon(true);
                        return t;
                    });
                    forcePool = pool;
                }
            }
        }
        return pool;
    }

    /**
     * The temporary name used for {@code target}: {@code .<name>.tmp} in the same
     * directory.
     */
    public static Path tmpOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    /** Lower-case hex SHA-256 of a file's bytes, as listed in manifest.json. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Number of LF-terminated lines (a last line without LF counts too); a CSV's data
     * rows are this minus 1.
     */
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

    /**
     * A file being written under its tmp name; its SHA-256 is computed as the bytes go
     * out, so publishing a file never reads it back. Not thread-safe.
     */
    public static final class Pending implements Closeable {

        private final Path target;

        private final Path tmp;

        private final FileChannel channel;

        private final MessageDigest digest = newSha256();

        private final OutputStream stream;

        private String sha256;

        private boolean forced;

        private boolean renamed;

        private boolean finished;

        private Pending(Path target) throws IOException {
            this.target = target;
            this.tmp = tmpOf(target);
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(tmp);
            this.channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            this.stream = new KeepOpen(new BufferedOutputStream(
                    new DigestOutputStream(Channels.newOutputStream(channel), digest), BUFFER));
        }

        /**
         * The stream to write to; closing it only flushes (publishing is
         * {@link #commit()}'s job).
         */
        public OutputStream stream() {
            return stream;
        }

        public Path target() {
            return target;
        }

        /**
         * Lower-case hex SHA-256 of everything written, as listed in manifest.json. Ends
         * the writing: call it once the file is complete.
         */
        public String sha256() throws IOException {
            if (sha256 == null) {
                stream.flush();
                sha256 = HexFormat.of().formatHex(digest.digest());
            }
            return sha256;
        }

        /** Whether the file is under its final name. */
        public boolean published() {
            return renamed;
        }

        /** Flushes, fsyncs and renames the tmp file over the target. */
        public void commit() throws IOException {
            force();
            publish();
            syncDirectory(target.getParent());
        }

        /**
         * Flushes and fsyncs the tmp file; it is not yet visible under its final name.
         */
        void force() throws IOException {
            if (finished) {
                throw new IllegalStateException("already committed or closed: " + target);
            }
            if (!forced) {
                sha256();
                channel.force(true);
                channel.close();
                forced = true;
            }
        }

        /**
         * Renames the forced tmp file over the target (the directory entry is fsynced by
         * the caller).
         */
        void publish() throws IOException {
            if (!forced || finished) {
                throw new IllegalStateException("not forced, or already committed or closed: " + target);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            finished = true;
            renamed = true;
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
            }
            finally {
                Files.deleteIfExists(tmp);
            }
        }

        /**
         * The rename itself must survive a crash too: fsync the directory where the
         * platform allows it.
         */
        static void syncDirectory(Path dir) {
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            }
            catch (IOException | UncheckedIOException e) {
                // Not supported on every OS (Windows); the data itself is already
                // fsynced.
            }
        }

    }

    /**
     * Lets writers (OutputStreamWriter, POI) "close" the stream without closing the file
     * we still fsync.
     */
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
