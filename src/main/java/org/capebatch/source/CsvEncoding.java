package org.capebatch.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Guesses the encoding of an ES-003 CSV (SPEC §2: UTF-8 with or without BOM, or Windows-1252): a UTF-8 BOM wins;
 * otherwise the first 64 KB must decode as UTF-8, else the file is taken as Windows-1252 — what Excel's
 * "CSV (Comma delimited)" writes on a US Windows machine.
 */
record CsvEncoding(Charset charset, int bomLength) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final int SNIFF_BYTES = 64 * 1024;

    static CsvEncoding detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new CsvEncoding(StandardCharsets.UTF_8, 3);
        }
        boolean wholeFile = head.length < SNIFF_BYTES;
        return new CsvEncoding(isUtf8(head, wholeFile) ? StandardCharsets.UTF_8 : WINDOWS_1252, 0);
    }

    /** True when the bytes are valid UTF-8; a sequence cut off by the 64 KB limit does not count against it. */
    static boolean isUtf8(byte[] bytes, boolean endOfInput) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, endOfInput);
            if (result.isError()) {
                return false;
            }
            if (result.isOverflow()) {
                out.clear();
                continue;
            }
            // Underflow: everything decoded, or (not at end of input) a multi-byte sequence cut by the limit.
            return endOfInput ? !decoder.flush(out).isError() : in.remaining() < 4;
        }
    }
}
