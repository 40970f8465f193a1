package org.capebatch.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The encoding of an ES-003 CSV (SPEC §2: UTF-8 with or without BOM, or Windows-1252),
 * decided once for the whole file so that no value changes meaning halfway through it:
 * <ul>
 * <li>a byte order mark decides: UTF-8, or UTF-16 little or big endian (read as such,
 * never split); a UTF-32 mark, or a file whose NUL bytes say UTF-16 without a mark, is
 * refused with the file named;</li>
 * <li>otherwise every byte is checked: a file that is valid UTF-8 throughout is UTF-8;
 * one with bytes invalid in UTF-8 but no UTF-8 character of several bytes anywhere is
 * Windows-1252 (what Excel's "CSV (Comma delimited)" writes on a US Windows machine),
 * even when those bytes come after 64 KB of ASCII;</li>
 * <li>a file holding both (pieces saved by different programs) is read as UTF-8: its
 * Windows-1252 bytes become U+FFFD, and a row with one in a value it uses is rejected
 * with file, line and column (Es003Values.checkText), instead of the UTF-8 half turning
 * into "Ã©" unnoticed.</li>
 * </ul>
 * The whole-file check costs one sequential read; it is made once per file and JVM (all
 * partitions of a split file share it).
 */
record CsvEncoding(Charset charset, int bomLength, boolean mixed) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Bytes looked at for the byte order mark and for UTF-16 written without one. */
    static final int SNIFF_BYTES = 64 * 1024;

    private static final Map<Key, CsvEncoding> DETECTED = new ConcurrentHashMap<>();

    private record Key(Path file, long size, long modified) {
    }

    /**
     * True when one byte is one character for quotes and line feeds, so the file can be
     * split by bytes.
     */
    boolean asciiCompatible() {
        return !charset.equals(StandardCharsets.UTF_16LE) && !charset.equals(StandardCharsets.UTF_16BE);
    }

    static CsvEncoding detect(Path file) throws IOException {
        Key key = new Key(file.toAbsolutePath(), Files.size(file), Files.getLastModifiedTime(file).toMillis());
        CsvEncoding known = DETECTED.get(key);
        if (known != null) {
            return known;
        }
        CsvEncoding detected = scan(file);
        DETECTED.put(key, detected);
        return detected;
    }

    private static CsvEncoding scan(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return new CsvEncoding(StandardCharsets.UTF_8, 3, false);
        }
        if (startsWith(head, 0xFF, 0xFE, 0x00, 0x00) || startsWith(head, 0x00, 0x00, 0xFE, 0xFF)) {
            throw new MalformedSourceException(file, 0,
                    "the file is UTF-32 (by its byte order mark); save it as" + " UTF-8 or Windows-1252 CSV", null);
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return new CsvEncoding(StandardCharsets.UTF_16LE, 2, false);
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return new CsvEncoding(StandardCharsets.UTF_16BE, 2, false);
        }
        if (looksLikeUtf16(head)) {
            throw new MalformedSourceException(file, 0, "the file looks like UTF-16 without a byte order mark"
                    + " (every other byte is NUL); save it as UTF-8 or Windows-1252 CSV", null);
        }
        Utf8Check check = new Utf8Check();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0 && !check.mixed(); n = in.read(buffer)) {
                check.feed(buffer, n);
            }
        }
        check.end();
        if (check.invalid == 0) {
            return new CsvEncoding(StandardCharsets.UTF_8, 0, false);
        }
        if (check.multiByte == 0) {
            return new CsvEncoding(WINDOWS_1252, 0, false);
        }
        return new CsvEncoding(StandardCharsets.UTF_8, 0, true);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * ASCII text in UTF-16 has a NUL in every other byte; no CSV of ours has NULs in a
     * third of its bytes.
     */
    static boolean looksLikeUtf16(byte[] head) {
        int pairs = head.length / 2;
        if (pairs < 4) {
            return false;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i + 1 < head.length; i += 2) {
            evenNul += head[i] == 0 ? 1 : 0;
            oddNul += head[i + 1] == 0 ? 1 : 0;
        }
        return Math.max(evenNul, oddNul) * 3 > pairs * 2;
    }

    /**
     * True when the bytes are valid UTF-8 (used by tests; a sequence cut at the end is
     * allowed when not at end).
     */
    static boolean isUtf8(byte[] bytes, boolean endOfInput) {
        Utf8Check check = new Utf8Check();
        check.feed(bytes, bytes.length);
        if (endOfInput) {
            check.end();
        }
        return check.invalid == 0;
    }

    /**
     * Counts well-formed UTF-8 characters of two to four bytes and bytes that cannot be
     * UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF), across
     * buffer boundaries.
     */
    private static final class Utf8Check {

        long multiByte;

        long invalid;

        private int need;

        private int low = 0x80;

        private int high = 0xBF;

        boolean mixed() {
            return multiByte > 0 && invalid > 0;
        }

        void feed(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                int b = bytes[i] & 0xFF;
                if (need > 0) {
                    if (b >= low && b <= high) {
                        low = 0x80;
                        high = 0xBF;
                        if (--need == 0) {
                            multiByte++;
                        }
                        continue;
                    }
                    invalid++;
                    need = 0;
                    low = 0x80;
                    high = 0xBF;
                    // b starts over as a lead byte
                }
                if (b < 0x80) {
                    continue;
                }
                if (b >= 0xC2 && b <= 0xDF) {
                    need = 1;
                }
                else if (b >= 0xE0 && b <= 0xEF) {
                    need = 2;
                    if (b == 0xE0) {
                        low = 0xA0;
                    }
                    else if (b == 0xED) {
                        high = 0x9F;
                    }
                }
                else if (b >= 0xF0 && b <= 0xF4) {
                    need = 3;
                    if (b == 0xF0) {
                        low = 0x90;
                    }
                    else if (b == 0xF4) {
                        high = 0x8F;
                    }
                }
                else {
                    invalid++;
                }
            }
        }

        void end() {
            if (need > 0) {
                invalid++;
                need = 0;
            }
        }

    }
}
