package org.capebatch.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * What identifies the content of an input file for a run: its size, modification time and
 * the SHA-256 of its bytes. Size and time are cheap to compare before and after each
 * read; the hash catches a replacement that kept both.
 */
public record InputFingerprint(String name, long size, long modifiedNanos, String sha256) {

    /**
     * Size and modification time only (no hash): what an import partition compares before
     * and after it reads.
     */
    public static InputFingerprint stat(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new InputFingerprint(file.getFileName().toString(), attributes.size(),
                    attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), null);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Size, modification time and the SHA-256 of the whole file. */
    public static InputFingerprint of(Path file) {
        InputFingerprint before = stat(file);
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                // Reads of a file do not notice an interrupt: the input check's, when it
                // gives up on the file, must stop the hash here.
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("hashing " + file + " was interrupted");
                }
                digest.update(buffer, 0, n);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return new InputFingerprint(before.name, before.size, before.modifiedNanos,
                HexFormat.of().formatHex(digest.digest()));
    }

    /** Same size and modification time. */
    public boolean sameStat(InputFingerprint other) {
        return size == other.size && modifiedNanos == other.modifiedNanos;
    }

    /**
     * How this (recorded) fingerprint differs from {@code now}, for a person: "size 10 →
     * 12 bytes, ...".
     */
    public String difference(InputFingerprint now) {
        StringBuilder text = new StringBuilder();
        if (size != now.size) {
            text.append("size ").append(size).append(" → ").append(now.size).append(" bytes");
        }
        if (modifiedNanos != now.modifiedNanos) {
            text.append(text.isEmpty() ? "" : ", ")
                .append("modified ")
                .append(instant(modifiedNanos))
                .append(" → ")
                .append(instant(now.modifiedNanos));
        }
        if (text.isEmpty() && sha256 != null && now.sha256 != null && !sha256.equals(now.sha256)) {
            text.append("same size and time but different content (SHA-256)");
        }
        return text.toString();
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
